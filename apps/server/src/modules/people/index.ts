export { PeopleRepository, toSummary } from './people.repository.ts';
export { PeopleService } from './people.service.ts';
export { peopleRoutes } from './people.routes.ts';

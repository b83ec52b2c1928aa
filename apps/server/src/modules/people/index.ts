export { PeopleRepository, toSummary } from './people.repository.ts';
export { peopleRoutes } from './people.routes.ts';
export { PeopleService } from './people.service.ts';

export { ExpertiseRepository } from './expertise.repository.ts';
export { expertiseRoutes } from './expertise.routes.ts';
export { asTag, ExpertiseService } from './expertise.service.ts';
export { PeopleRepository, toSummary } from './people.repository.ts';
export { peopleRoutes } from './people.routes.ts';
export { PeopleService } from './people.service.ts';

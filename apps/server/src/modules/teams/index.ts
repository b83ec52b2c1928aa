export { TeamsRepository } from './teams.repository.ts';
export { teamsRoutes } from './teams.routes.ts';
export { TeamsService } from './teams.service.ts';

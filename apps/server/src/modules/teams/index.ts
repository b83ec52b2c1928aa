export { TeamsRepository } from './teams.repository.ts';
export { TeamsService } from './teams.service.ts';
export { teamsRoutes } from './teams.routes.ts';

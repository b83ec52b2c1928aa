export { InterestService } from './interest.service.ts';
export { LaunchService } from './launch.service.ts';
export { ProposalsRepository } from './proposals.repository.ts';
export { proposalsRoutes } from './proposals.routes.ts';
export { ProposalsService } from './proposals.service.ts';

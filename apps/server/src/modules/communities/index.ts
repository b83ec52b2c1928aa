export { CommunitiesRepository, visibleTo } from './communities.repository.ts';
export { communitiesRoutes } from './communities.routes.ts';
export { CommunitiesService } from './communities.service.ts';
export { MembersService } from './members.service.ts';
export { MembershipsRepository } from './memberships.repository.ts';

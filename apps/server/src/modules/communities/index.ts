export { CommunitiesRepository, visibleTo } from './communities.repository.ts';
export { CommunitiesService } from './communities.service.ts';
export { communitiesRoutes } from './communities.routes.ts';
export { MembershipsRepository } from './memberships.repository.ts';
export { MembersService } from './members.service.ts';

// The communities feature's door: what other features and app/ may use.

export { useCommunities } from './api/get-communities';
export { useCommunity } from './api/get-community';
export { useJoinCommunity } from './api/join-community';
export type { CommunityFilters } from './api/keys';
export { communityKeys } from './api/keys';
export type { CommunityOutlet } from './api/use-community-outlet';
export { useCommunityOutlet } from './api/use-community-outlet';
export { CATEGORY_HINTS } from './components/labels';

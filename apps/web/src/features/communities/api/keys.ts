import type { Category, MembershipStatus } from '@guildhall/shared';

export type CommunityFilters = { q?: string; category?: Category; mine?: boolean };

/** Every community query starts with 'communities', so a membership change can refresh them all at once. */
export const communityKeys = {
  all: ['communities'] as const,
  list: (filters: CommunityFilters) => ['communities', 'list', filters] as const,
  detail: (slug: string) => ['communities', 'detail', slug] as const,
  members: (slug: string, status: MembershipStatus) => ['communities', 'members', slug, status] as const,
};

import type { Member, MembershipStatus, Page } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';

export const getMembers = (slug: string, status: MembershipStatus, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<Member>>(`/communities/${encodeURIComponent(slug)}/members`, { status, cursor, limit: 100 }, signal);

/** Pending requests and invitations are only for those who manage the community; pass enabled=false otherwise. */
export function useMembers(slug: string, status: MembershipStatus = 'active', enabled = true) {
  return useInfiniteQuery({
    queryKey: communityKeys.members(slug, status),
    queryFn: ({ pageParam, signal }) => getMembers(slug, status, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

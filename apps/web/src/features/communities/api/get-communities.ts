import type { CommunitySummary, Page } from '@guildhall/shared';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type CommunityFilters, communityKeys } from './keys';

const PAGE_SIZE = 24;

export const getCommunities = (filters: CommunityFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<CommunitySummary>>(
    '/communities',
    { q: filters.q, category: filters.category, mine: filters.mine ? 'true' : undefined, cursor, limit: PAGE_SIZE },
    signal,
  );

export function useCommunities(filters: CommunityFilters) {
  return useInfiniteQuery({
    queryKey: communityKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getCommunities(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keeps the previous results on screen while the next keystroke's results load.
    placeholderData: keepPreviousData,
  });
}

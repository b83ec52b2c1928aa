import type { Page, ThreadListParams, ThreadSummary } from '@guildhall/shared';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationKeys, type ThreadFilters, type ThreadView } from './keys';

const PAGE_SIZE = 25;

const VIEW_QUERY: Record<ThreadView, Pick<ThreadListParams, 'kind' | 'state'>> = {
  latest: {},
  unanswered: { kind: 'question', state: 'unanswered' },
  // Open: brought to the community and not yet taken up; being-worked ones already have helpers.
  challenges: { kind: 'challenge', state: 'open' },
};

export const getThreads = (filters: ThreadFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<ThreadSummary>>(
    '/threads',
    { community: filters.community, ...VIEW_QUERY[filters.view], tag: filters.tag, cursor, limit: PAGE_SIZE },
    signal,
  );

export function useThreads(filters: ThreadFilters) {
  return useInfiniteQuery({
    queryKey: conversationKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getThreads(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Switching views keeps the old list on screen (dimmed) until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

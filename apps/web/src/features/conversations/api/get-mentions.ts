import type { Mention, Page } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationKeys } from './keys';

export const getMentions = (cursor?: string, signal?: AbortSignal) => api.get<Page<Mention>>('/me/mentions', { cursor, limit: 20 }, signal);

/** Posts that mention me, newest first, in threads I can still read. */
export function useMentions() {
  return useInfiniteQuery({
    queryKey: conversationKeys.mentions(),
    queryFn: ({ pageParam, signal }) => getMentions(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

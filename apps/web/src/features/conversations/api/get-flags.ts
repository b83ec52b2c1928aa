import type { FlaggedPost, Page } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationKeys } from './keys';

export const getFlags = (slug: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<FlaggedPost>>(`/communities/${encodeURIComponent(slug)}/flags`, { cursor, limit: 20 }, signal);

/** The moderation queue: flagged posts, the longest-waiting first (facilitators and admins). */
export function useFlags(slug: string) {
  return useInfiniteQuery({
    queryKey: conversationKeys.flags(slug),
    queryFn: ({ pageParam, signal }) => getFlags(slug, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

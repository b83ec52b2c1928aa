import type { Page, PostRevision } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationKeys } from './keys';

export const getRevisions = (postId: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<PostRevision>>(`/posts/${encodeURIComponent(postId)}/revisions`, { cursor, limit: 20 }, signal);

/** Earlier versions of a post, newest first; fetched only while the history is open. */
export function useRevisions(postId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: conversationKeys.revisions(postId),
    queryFn: ({ pageParam, signal }) => getRevisions(postId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

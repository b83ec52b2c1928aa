import type { Page, Post } from '@guildhall/shared';
import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationKeys } from './keys';

export const POSTS_PAGE_SIZE = 50;

export type PostPages = InfiniteData<Page<Post>, string | undefined>;

export const getPosts = (threadId: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<Post>>(`/threads/${encodeURIComponent(threadId)}/posts`, { cursor, limit: POSTS_PAGE_SIZE }, signal);

/** Replies oldest first, one page at a time: a thread of thousands opens on its first page. */
export function useThreadPosts(threadId: string) {
  return useInfiniteQuery({
    queryKey: conversationKeys.posts(threadId),
    queryFn: ({ pageParam, signal }) => getPosts(threadId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const getPost = (postId: string, signal?: AbortSignal) => api.get<Post>(`/posts/${encodeURIComponent(postId)}`, undefined, signal);

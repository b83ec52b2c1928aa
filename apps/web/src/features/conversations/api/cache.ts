import type { Page, Post, Thread, ThreadSummary } from '@guildhall/shared';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { PostPages } from './get-posts';
import { conversationKeys } from './keys';

/**
 * Small, pure edits of the cached thread page, shared by mutations (my own changes) and live
 * events (everyone else's), so both paths patch the screen the same way without refetching.
 */

type Patch = (post: Post) => Post;

/** Applies `patch` to a post wherever the thread page holds it: opening post, accepted answer, replies. */
export function patchPost(queryClient: QueryClient, threadId: string, postId: string, patch: Patch) {
  queryClient.setQueryData<Thread>(conversationKeys.thread(threadId), (thread) => {
    if (!thread) return thread;
    const firstPost = thread.firstPost.id === postId ? patch(thread.firstPost) : thread.firstPost;
    const acceptedAnswer = thread.acceptedAnswer?.id === postId ? patch(thread.acceptedAnswer) : thread.acceptedAnswer;
    return firstPost === thread.firstPost && acceptedAnswer === thread.acceptedAnswer ? thread : { ...thread, firstPost, acceptedAnswer };
  });
  queryClient.setQueryData<PostPages>(conversationKeys.posts(threadId), (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((p) => (p.id === postId ? patch(p) : p)) })) }
      : data,
  );
}

/** Whether the thread page already holds this post. */
export function holdsPost(queryClient: QueryClient, threadId: string, postId: string): boolean {
  const thread = queryClient.getQueryData<Thread>(conversationKeys.thread(threadId));
  if (thread?.firstPost.id === postId || thread?.acceptedAnswer?.id === postId) return true;
  const posts = queryClient.getQueryData<PostPages>(conversationKeys.posts(threadId));
  return posts?.pages.some((page) => page.items.some((p) => p.id === postId)) ?? false;
}

/**
 * Adds a new reply at the end, or replaces it when it is already there (my own reply can
 * arrive twice: as the answer to my request and as a live event). When later pages are not
 * loaded yet, the reply is not added: "Load more" will bring it in its place.
 * Returns whether the reply was new to the page.
 */
export function upsertReply(queryClient: QueryClient, threadId: string, post: Post): boolean {
  if (holdsPost(queryClient, threadId, post.id)) {
    patchPost(queryClient, threadId, post.id, () => post);
    return false;
  }
  let added = false;
  queryClient.setQueryData<PostPages>(conversationKeys.posts(threadId), (data) => {
    const last = data?.pages.at(-1);
    if (!data || !last || last.nextCursor !== null) return data;
    added = true;
    return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, post] }] };
  });
  queryClient.setQueryData<Thread>(conversationKeys.thread(threadId), (thread) =>
    thread ? { ...thread, replyCount: thread.replyCount + 1, lastActivityAt: post.createdAt } : thread,
  );
  return added;
}

/** A new version of the thread's header; the replies learn which of them is now the accepted one. */
export function setThread(queryClient: QueryClient, thread: Thread) {
  queryClient.setQueryData(conversationKeys.thread(thread.id), thread);
  queryClient.setQueryData<PostPages>(conversationKeys.posts(thread.id), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((p) => {
              const isAccepted = p.id === thread.acceptedPostId;
              return p.isAccepted === isAccepted ? p : { ...p, isAccepted };
            }),
          })),
        }
      : data,
  );
}

/** Patches one thread in every cached list (unread counts after reading, say). */
export function patchThreadInLists(queryClient: QueryClient, threadId: string, patch: (t: ThreadSummary) => ThreadSummary) {
  queryClient.setQueriesData<InfiniteData<Page<ThreadSummary>>>({ queryKey: conversationKeys.lists() }, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((t) => (t.id === threadId ? patch(t) : t)) })) }
      : data,
  );
}

/** Every reply loaded so far, in order. */
export const loadedReplies = (data: { pages: Page<Post>[] } | undefined): Post[] => data?.pages.flatMap((page) => page.items) ?? [];

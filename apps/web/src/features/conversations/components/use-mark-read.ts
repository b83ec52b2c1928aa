import type { Thread } from '@guildhall/shared';
import { useEffect, useRef } from 'react';
import { loadedReplies } from '../api/cache';
import { useThreadPosts } from '../api/get-posts';
import { useMarkRead } from '../api/mark-read';

/**
 * Marks the thread read up to the newest post on screen: the opening post, then the last
 * loaded reply as pages load and live replies arrive. Unread counts in the lists drop with it.
 */
export function useMarkReadAsShown(thread: Thread) {
  const posts = useThreadPosts(thread.id);
  const markRead = useMarkRead();
  const marked = useRef<string | null>(thread.lastReadPostId);
  const newest = posts.isSuccess ? (loadedReplies(posts.data).at(-1) ?? thread.firstPost) : null;
  const newestId = newest?.id ?? null;
  const { mutate } = markRead;

  useEffect(() => {
    if (!newestId || newestId === marked.current) return;
    marked.current = newestId;
    mutate({ threadId: thread.id, postId: newestId });
  }, [newestId, thread.id, mutate]);
}

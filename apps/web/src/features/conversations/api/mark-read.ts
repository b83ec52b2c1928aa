import type { ReadPosition } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { patchThreadInLists } from './cache';

/** "I have read up to this post"; the server only ever moves the position forward. */
export const markRead = (threadId: string, postId: string) =>
  api.post<ReadPosition>(`/threads/${encodeURIComponent(threadId)}/read`, { postId });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ threadId, postId }: { threadId: string; postId: string }) => markRead(threadId, postId),
    // The lists' unread counts drop at once, without refetching them.
    onSuccess: (position) => patchThreadInLists(queryClient, position.threadId, (t) => ({ ...t, unreadCount: position.unreadCount })),
  });
}

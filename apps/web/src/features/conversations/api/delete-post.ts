import type { Post } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { patchPost } from './cache';
import { getPost } from './get-posts';
import { conversationKeys } from './keys';

/** Soft delete by the author: the post stays in its place as a tombstone. */
export const deletePost = (postId: string) => api.delete(`/posts/${encodeURIComponent(postId)}`);

export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (post: Post) => {
      await deletePost(post.id);
      return getPost(post.id);
    },
    onSuccess: (post, before) => {
      patchPost(queryClient, post.threadId, post.id, () => post);
      // A deleted accepted answer (or solution) no longer answers the thread.
      if (before.isAccepted) void queryClient.invalidateQueries({ queryKey: conversationKeys.thread(post.threadId) });
    },
  });
}

import type { Post, UpdatePostInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { patchPost } from './cache';
import { conversationKeys } from './keys';

/** A stale `version` is refused with 409 post.version_conflict: someone (another tab) edited meanwhile. */
export const updatePost = (postId: string, input: UpdatePostInput) => api.patch<Post>(`/posts/${encodeURIComponent(postId)}`, input);

export function useUpdatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, ...input }: UpdatePostInput & { postId: string }) => updatePost(postId, input),
    onSuccess: (post) => {
      patchPost(queryClient, post.threadId, post.id, () => post);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.revisions(post.id) });
    },
  });
}

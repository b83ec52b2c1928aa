import type { Flag, Post } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { patchPost } from './cache';
import { conversationKeys } from './keys';

const postPath = (postId: string) => `/posts/${encodeURIComponent(postId)}`;

/** Anyone who can read a post may flag it, once; facilitators see it in their queue. */
export const flagPost = (postId: string, reason: string) => api.post<Flag>(`${postPath(postId)}/flags`, { reason });

export const useFlagPost = () =>
  useMutation({ mutationFn: ({ postId, reason }: { postId: string; reason: string }) => flagPost(postId, reason) });

export type PostModeration = { type: 'hide'; reason?: string } | { type: 'restore' } | { type: 'dismiss' };

/** Facilitators: hide or restore a post, or dismiss its flags. Hide and restore answer the post as it now is. */
export async function moderatePost(postId: string, action: PostModeration): Promise<Post | null> {
  switch (action.type) {
    case 'hide':
      return api.post<Post>(`${postPath(postId)}/hide`, action.reason ? { reason: action.reason } : {});
    case 'restore':
      return api.post<Post>(`${postPath(postId)}/restore`);
    case 'dismiss':
      await api.delete(`${postPath(postId)}/flags`);
      return null;
  }
}

export function useModeratePost(slug?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, action }: { postId: string; action: PostModeration }) => moderatePost(postId, action),
    onSuccess: (post) => {
      if (post) patchPost(queryClient, post.threadId, post.id, () => post);
      if (slug) void queryClient.invalidateQueries({ queryKey: conversationKeys.flags(slug) });
    },
  });
}

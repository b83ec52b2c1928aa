import type { PostReactions, Reaction } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { patchPost } from './cache';

type SetReaction = { threadId: string; postId: string; reaction: Reaction; on: boolean };

export function setReaction({ postId, reaction, on }: SetReaction) {
  const path = `/posts/${encodeURIComponent(postId)}/reactions/${encodeURIComponent(reaction)}`;
  return on ? api.put<PostReactions>(path) : api.delete<PostReactions>(path);
}

/** Adds or takes back my reaction; the answer carries every count with my own marked. */
export function useSetReaction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setReaction,
    onSuccess: (result, { threadId }) =>
      patchPost(queryClient, threadId, result.postId, (post) => ({ ...post, reactions: result.reactions })),
  });
}

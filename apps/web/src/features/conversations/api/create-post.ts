import type { CreatePostRequest, Post } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { upsertReply } from './cache';
import { conversationKeys } from './keys';

export const createPost = (threadId: string, input: CreatePostRequest) =>
  api.post<Post>(`/threads/${encodeURIComponent(threadId)}/posts`, input);

export function useCreatePost(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: conversationKeys.sending(threadId),
    mutationFn: (input: CreatePostRequest) => createPost(threadId, input),
    onSuccess: (post) => {
      upsertReply(queryClient, threadId, post);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    },
  });
}

import type { CreateThreadRequest, Thread } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationKeys } from './keys';

export const createThread = (slug: string, input: CreateThreadRequest) =>
  api.post<Thread>(`/communities/${encodeURIComponent(slug)}/threads`, input);

export function useCreateThread(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateThreadRequest) => createThread(slug, input),
    onSuccess: (thread) => {
      queryClient.setQueryData(conversationKeys.thread(thread.id), thread);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    },
  });
}

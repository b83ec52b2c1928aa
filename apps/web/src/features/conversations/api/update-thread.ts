import type { Thread, UpdateThreadInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { setThread } from './cache';
import { conversationKeys } from './keys';

/** Title and tags, by whoever started the thread or a facilitator. */
export const updateThread = (threadId: string, input: UpdateThreadInput) =>
  api.patch<Thread>(`/threads/${encodeURIComponent(threadId)}`, input);

export function useUpdateThread(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateThreadInput) => updateThread(threadId, input),
    onSuccess: (thread) => {
      setThread(queryClient, thread);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    },
  });
}

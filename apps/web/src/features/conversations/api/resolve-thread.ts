import type { ChallengeStateInput, Thread } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { setThread } from './cache';
import { conversationKeys } from './keys';

const threadPath = (threadId: string) => `/threads/${encodeURIComponent(threadId)}`;

export type Resolution = { type: 'accept'; postId: string } | { type: 'unaccept' } | ({ type: 'challenge' } & ChallengeStateInput);

/** Accept or un-accept a question's answer; move a challenge along (solved names the solving post). */
export function resolveThread(threadId: string, resolution: Resolution): Promise<Thread> {
  switch (resolution.type) {
    case 'accept':
      return api.post<Thread>(`${threadPath(threadId)}/accept`, { postId: resolution.postId });
    case 'unaccept':
      return api.delete<Thread>(`${threadPath(threadId)}/accept`);
    case 'challenge': {
      const { type: _type, ...input } = resolution;
      return api.post<Thread>(`${threadPath(threadId)}/state`, input);
    }
  }
}

export function useResolveThread(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (resolution: Resolution) => resolveThread(threadId, resolution),
    onSuccess: (thread) => {
      setThread(queryClient, thread);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    },
  });
}

import type { ModerateThreadInput, Thread } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { setThread } from './cache';
import { conversationKeys } from './keys';

export type ThreadModeration = ({ type: 'flags' } & ModerateThreadInput) | { type: 'move'; community: string };

/** Facilitators: pin or lock (flags), or move the thread to another community they facilitate. */
export function moderateThread(threadId: string, action: ThreadModeration): Promise<Thread> {
  const path = `/threads/${encodeURIComponent(threadId)}`;
  if (action.type === 'move') return api.post<Thread>(`${path}/move`, { community: action.community });
  const { type: _type, ...input } = action;
  return api.patch<Thread>(`${path}/moderation`, input);
}

export function useModerateThread(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ThreadModeration) => moderateThread(threadId, action),
    onSuccess: (thread) => {
      setThread(queryClient, thread);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    },
  });
}

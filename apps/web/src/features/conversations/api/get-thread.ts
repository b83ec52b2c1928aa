import type { Thread } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationKeys } from './keys';

/** The thread's header: opening post, accepted answer, read position and what the viewer may do. */
export const getThread = (threadId: string, signal?: AbortSignal) =>
  api.get<Thread>(`/threads/${encodeURIComponent(threadId)}`, undefined, signal);

export const useThread = (threadId: string) =>
  useQuery({ queryKey: conversationKeys.thread(threadId), queryFn: ({ signal }) => getThread(threadId, signal) });

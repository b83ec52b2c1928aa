import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { RESYNC, useLiveEvents } from '@/lib/live-events';
import { conversationKeys } from './keys';

const TYPES = ['thread.created', 'thread.updated', 'post.created', 'post.deleted', RESYNC] as const;
/** A busy hour brings bursts of posts; one refetch per burst is enough for a list. */
const COALESCE_MS = 800;

/**
 * Refreshes the thread lists on screen when threads start, change or get replies (new
 * activity reorders a list and moves unread counts). The stream only carries what the person
 * may read; which list a change belongs to is the server's business, so lists refetch.
 */
export function useThreadsLive() {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useLiveEvents(TYPES, () => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    }, COALESCE_MS);
  });
}

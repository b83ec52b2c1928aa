import type { EditScope, EventSeries, OccurrenceDetail } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, occurrencePath } from './keys';
import { updateEvent } from './update-event';

type Target = { eventId: string; key: string; version: number };

/**
 * Cancelling in the three scopes. One session: marked cancelled (and restorable). All: the
 * series is cancelled. This and following: the series is split at the session (a change of
 * nothing) and the new part cancelled, so earlier sessions and their records stay as they were.
 */
export async function cancelSessions(scope: EditScope, { eventId, key, version }: Target): Promise<{ eventId: string; key: string }> {
  if (scope === 'this') {
    await api.post<OccurrenceDetail>(occurrencePath(eventId, key, '/cancel'));
    return { eventId, key };
  }
  let target = eventId;
  if (scope === 'following') target = (await updateEvent(eventId, { scope: 'following', occurrenceKey: key, version })).id;
  await api.delete<EventSeries>(`/events/${encodeURIComponent(target)}`);
  // Where this session lives now: a split leaves it, under the same key, in the new series.
  return { eventId: target, key };
}

export function useCancelSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ scope, ...target }: Target & { scope: EditScope }) => cancelSessions(scope, target),
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export const restoreSession = (eventId: string, key: string) => api.delete<OccurrenceDetail>(occurrencePath(eventId, key, '/cancel'));

export function useRestoreSession(eventId: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => restoreSession(eventId, key),
    onSuccess: (detail) => {
      queryClient.setQueryData(eventKeys.occurrence(eventId, key), detail);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}

import type { EventSeries, UpdateEventRequest } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys } from './keys';

/** scope this | following | all; answers the series the change landed in (a new one for "following"). */
export const updateEvent = (eventId: string, input: UpdateEventRequest) =>
  api.patch<EventSeries>(`/events/${encodeURIComponent(eventId)}`, input);

export function useUpdateEvent(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEventRequest) => updateEvent(eventId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

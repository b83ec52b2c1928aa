import type { CreateEventRequest, EventSeries } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys } from './keys';

export const createEvent = (slug: string, input: CreateEventRequest) =>
  api.post<EventSeries>(`/communities/${encodeURIComponent(slug)}/events`, input);

export function useCreateEvent(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEventRequest) => createEvent(slug, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

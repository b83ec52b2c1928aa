import type { Occurrence, OccurrenceDetail, RsvpInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, occurrencePath } from './keys';

export const rsvp = (eventId: string, key: string, input: RsvpInput) => api.put<Occurrence>(occurrencePath(eventId, key, '/rsvp'), input);
export const checkIn = (eventId: string, key: string) => api.post<Occurrence>(occurrencePath(eventId, key, '/check-in'));

/** The answer carries my RSVP and the new counts; the page keeps its agenda and notes. */
function useOccurrenceWrite<V>(eventId: string, key: string, write: (variables: V) => Promise<Occurrence>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (occurrence) => {
      queryClient.setQueryData<OccurrenceDetail>(eventKeys.occurrence(eventId, key), (page) => page && { ...page, ...occurrence });
      void queryClient.invalidateQueries({ queryKey: eventKeys.attendees(eventId, key) });
      void queryClient.invalidateQueries({ queryKey: eventKeys.community(occurrence.community.slug) });
    },
  });
}

export const useRsvp = (eventId: string, key: string) => useOccurrenceWrite(eventId, key, (input: RsvpInput) => rsvp(eventId, key, input));

export const useCheckIn = (eventId: string, key: string) => useOccurrenceWrite(eventId, key, () => checkIn(eventId, key));

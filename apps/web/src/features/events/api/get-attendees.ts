import type { AttendanceInput, Attendee } from '@guildhall/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, occurrencePath } from './keys';

export const getAttendees = (eventId: string, key: string, signal?: AbortSignal) =>
  api.get<Attendee[]>(occurrencePath(eventId, key, '/attendees'), undefined, signal);

export const useAttendees = (eventId: string, key: string) =>
  useQuery({ queryKey: eventKeys.attendees(eventId, key), queryFn: ({ signal }) => getAttendees(eventId, key, signal) });

export const markAttendance = (eventId: string, key: string, input: AttendanceInput) =>
  api.put<Attendee[]>(occurrencePath(eventId, key, '/attendance'), input);

/** Facilitators: who was there. */
export function useMarkAttendance(eventId: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AttendanceInput) => markAttendance(eventId, key, input),
    onSuccess: (attendees) => {
      queryClient.setQueryData(eventKeys.attendees(eventId, key), attendees);
      void queryClient.invalidateQueries({ queryKey: eventKeys.occurrence(eventId, key), exact: true });
    },
  });
}

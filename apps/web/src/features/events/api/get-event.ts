import type { EventSeries } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys } from './keys';

export const getEvent = (eventId: string, signal?: AbortSignal) =>
  api.get<EventSeries>(`/events/${encodeURIComponent(eventId)}`, undefined, signal);

/** The series (or one-off) as scheduled: its rule, zone and version. */
export const useEvent = (eventId: string) =>
  useQuery({ queryKey: eventKeys.series(eventId), queryFn: ({ signal }) => getEvent(eventId, signal) });

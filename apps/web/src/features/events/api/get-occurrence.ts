import type { OccurrenceDetail } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, occurrencePath } from './keys';

export const getOccurrence = (eventId: string, key: string, signal?: AbortSignal) =>
  api.get<OccurrenceDetail>(occurrencePath(eventId, key), undefined, signal);

/** One session's page: the occurrence with my RSVP, counts, agenda, notes and links. */
export const useOccurrence = (eventId: string, key: string, enabled = true) =>
  useQuery({ queryKey: eventKeys.occurrence(eventId, key), queryFn: ({ signal }) => getOccurrence(eventId, key, signal), enabled });

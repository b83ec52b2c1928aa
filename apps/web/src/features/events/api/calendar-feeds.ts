import type { CalendarFeed, CreateCalendarFeedInput, CreatedCalendarFeed } from '@guildhall/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys } from './keys';

export const getCalendarFeeds = (signal?: AbortSignal) => api.get<CalendarFeed[]>('/me/calendar-feeds', undefined, signal);

export const useCalendarFeeds = (enabled: boolean) =>
  useQuery({ queryKey: eventKeys.feeds, queryFn: ({ signal }) => getCalendarFeeds(signal), enabled });

export const createCalendarFeed = (input: CreateCalendarFeedInput) => api.post<CreatedCalendarFeed>('/me/calendar-feeds', input);

/** The secret URL comes back once, in this answer; only its hash is kept. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.feeds }),
  });
}

export const revokeCalendarFeed = (feedId: string) => api.delete(`/me/calendar-feeds/${encodeURIComponent(feedId)}`);

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.feeds }),
  });
}

/** The .ics download of a whole series (a link, not a fetch: the browser saves the file). */
export const eventIcsUrl = (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/calendar.ics`;

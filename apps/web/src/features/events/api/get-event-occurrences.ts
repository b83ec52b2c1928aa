import type { Occurrence, Page } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, type OccurrenceWindow } from './keys';

const DAY = 86_400_000;
/** The widest window the API takes at once (two years). */
const WIDEST = 730 * DAY;

export const getEventOccurrences = (eventId: string, params: OccurrenceWindow, signal?: AbortSignal) =>
  api.get<Page<Occurrence>>(`/events/${encodeURIComponent(eventId)}/occurrences`, params, signal);

async function lastIn(eventId: string, from: number, to: number, signal?: AbortSignal): Promise<Occurrence | null> {
  let cursor: string | undefined;
  let last: Occurrence | null = null;
  for (let i = 0; i < 10; i++) {
    const page = await getEventOccurrences(
      eventId,
      { from: new Date(from).toISOString(), to: new Date(to).toISOString(), cursor, limit: 100 },
      signal,
    );
    last = page.items[page.items.length - 1] ?? last;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return last;
}

/**
 * The session /events/:eventId stands for: the one under way or the next to come; for a
 * series that is over, its last session; null when it never had one in reach.
 */
export async function getCurrentOccurrence(eventId: string, signal?: AbortSignal): Promise<Occurrence | null> {
  const now = Date.now();
  const ahead = await getEventOccurrences(
    eventId,
    { from: new Date(now - DAY).toISOString(), to: new Date(now - DAY + WIDEST).toISOString(), limit: 10 },
    signal,
  );
  const next = ahead.items.find((o) => new Date(o.endsAt).getTime() > now);
  if (next) return next;
  return lastIn(eventId, now - WIDEST, now, signal);
}

export const useCurrentOccurrence = (eventId: string) =>
  useQuery({ queryKey: eventKeys.current(eventId), queryFn: ({ signal }) => getCurrentOccurrence(eventId, signal) });

/** The sessions before and after one, for the page's previous / next switcher. */
export async function getNeighbours(eventId: string, startsAt: string, signal?: AbortSignal) {
  const at = new Date(startsAt).getTime();
  const [after, before] = await Promise.all([
    getEventOccurrences(eventId, { from: new Date(at + 1000).toISOString(), to: new Date(at + WIDEST).toISOString(), limit: 1 }, signal),
    // Most series meet at least every few weeks: look close first, then as far as the API allows.
    lastIn(eventId, at - 45 * DAY, at, signal).then((found) => found ?? lastIn(eventId, at - WIDEST, at - 45 * DAY, signal)),
  ]);
  return { previous: before, next: after.items[0] ?? null };
}

export const useNeighbours = (eventId: string, key: string, startsAt: string | undefined) =>
  useQuery({
    queryKey: eventKeys.neighbours(eventId, key),
    queryFn: ({ signal }) => getNeighbours(eventId, startsAt as string, signal),
    enabled: startsAt !== undefined,
  });

import type { CreateEventRequest, EventSeries } from '@guildhall/shared';
import type { Client } from '../../../test/harness.ts';
import { toLocal } from '../../platform/time/wall-clock.ts';

/** Test-only helpers for this room's API tests: each fails loudly when the API refuses. */

export async function createEvent(client: Client, slug: string, input: Partial<CreateEventRequest> = {}): Promise<EventSeries> {
  const res = await client.request('POST', `/api/v1/communities/${slug}/events`, {
    format: 'lunch-and-learn',
    title: 'Lunch & Learn: tracing',
    start: '2030-03-07T12:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 60,
    ...input,
  });
  if (res.statusCode !== 201) throw new Error(`create event failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A local time some minutes from now (negative: in the past), in UTC. */
export const minutesFromNow = (minutes: number) => toLocal(Date.now() + minutes * 60_000, 'UTC');

export const occurrenceUrl = (eventId: string, key: string, rest = '') => `/api/v1/events/${eventId}/occurrences/${key}${rest}`;

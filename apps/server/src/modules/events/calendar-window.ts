import type { OccurrenceListQuery, Page } from '@guildhall/shared';
import { badRequest } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { formatLocal } from '../../platform/time/wall-clock.ts';
import type { EventWithCommunity, OccurrenceRow } from './events.repository.ts';
import { effective } from './present.ts';
import { expandLocal, MAX_WINDOW_DAYS } from './recurrence.ts';

const DAY = 86_400_000;
const DEFAULT_DAYS = 90;

export type Window = { from: Date; to: Date; fromLocal: string; toLocal: string };
export type Slot = { event: EventWithCommunity; key: string; row: OccurrenceRow | undefined; startsAt: Date };

/**
 * A calendar window in UTC, with a local-time margin of a day on each side: which local times
 * fall in it depends on each event's zone, so expansion takes the margin and exact instants
 * decide afterwards.
 */
export function windowOf(query: Pick<OccurrenceListQuery, 'from' | 'to'>, nowMs = Date.now()): Window {
  const from = query.from ? new Date(query.from) : new Date(nowMs);
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_DAYS * DAY);
  if (to <= from) {
    throw badRequest('event.window_invalid', 'The window must end after it starts.', [{ field: 'to', message: 'Must be after from' }]);
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) {
    throw badRequest('event.window_too_large', 'Ask for at most two years at a time.', [
      { field: 'to', message: 'At most two years after from' },
    ]);
  }
  return { from, to, fromLocal: formatLocal(from.getTime() - DAY), toLocal: formatLocal(to.getTime() + DAY) };
}

/** Every session of these series that starts in the window, moved ones where they moved to. */
export function slotsIn(series: EventWithCommunity[], rows: OccurrenceRow[], window: Window): Slot[] {
  const byEvent = new Map<string, Map<string, OccurrenceRow>>();
  for (const r of rows) {
    const m = byEvent.get(r.event_id) ?? new Map<string, OccurrenceRow>();
    m.set(r.occurrence_key, r);
    byEvent.set(r.event_id, m);
  }
  const slots: Slot[] = [];
  for (const event of series) {
    const records = byEvent.get(event.id) ?? new Map<string, OccurrenceRow>();
    const keys = new Set(expandLocal(event, window.fromLocal, window.toLocal));
    // A session moved into the window from outside it.
    for (const key of records.keys()) keys.add(key);
    for (const key of keys) {
      const row = records.get(key);
      const startsAt = effective(event, key, row).startsAt;
      if (startsAt >= window.from && startsAt < window.to) slots.push({ event, key, row, startsAt });
    }
  }
  return slots.sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.event.id.localeCompare(b.event.id) || a.key.localeCompare(b.key),
  );
}

/** Keyset paging over the sorted slots: the cursor is the last slot's (startsAt, eventId, key). */
export function pageOfSlots(slots: Slot[], cursor: string | undefined, limit: number): Page<Slot> {
  const after = decodeCursor(cursor, 3) as [string, string, string] | undefined;
  const rest = after
    ? slots.filter((s) => {
        const k: [string, string, string] = [s.startsAt.toISOString(), s.event.id, s.key];
        return k[0] > after[0] || (k[0] === after[0] && (k[1] > after[1] || (k[1] === after[1] && k[2] > after[2])));
      })
    : slots;
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rest.length > limit && last ? encodeCursor([last.startsAt.toISOString(), last.event.id, last.key]) : null,
  };
}

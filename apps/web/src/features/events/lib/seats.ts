import type { MyRsvp, Occurrence } from '@guildhall/shared';
import { plural } from '@/lib/format';

/** "2 of 2 places taken, 1 on the waitlist" — or, without a capacity, "3 going, 1 maybe". */
export function describeSeats(o: Pick<Occurrence, 'capacity' | 'counts'>): string {
  const { going, maybe, waitlisted } = o.counts;
  const parts =
    o.capacity === null
      ? [`${going} going`]
      : [`${going} of ${plural(o.capacity, 'place')} taken`, ...(waitlisted > 0 ? [`${waitlisted} on the waitlist`] : [])];
  if (maybe > 0) parts.push(`${maybe} maybe`);
  return parts.join(', ');
}

export const isFull = (o: Pick<Occurrence, 'capacity' | 'counts'>) => o.capacity !== null && o.counts.going >= o.capacity;

/** My answer in a few words: "Going", "You're #1 on the waitlist"… */
export function describeMyRsvp(mine: MyRsvp | null): string | null {
  if (!mine) return null;
  switch (mine.status) {
    case 'going':
      return 'Going';
    case 'maybe':
      return 'Maybe';
    case 'not_going':
      return 'Not going';
    case 'waitlisted':
      return mine.waitlistPosition ? `You're #${mine.waitlistPosition} on the waitlist` : "You're on the waitlist";
  }
}

export type SessionPhase = 'upcoming' | 'live' | 'over';

/** Before, during or after, at a given moment. */
export function phaseOf(o: Pick<Occurrence, 'startsAt' | 'endsAt'>, now = Date.now()): SessionPhase {
  if (now < new Date(o.startsAt).getTime()) return 'upcoming';
  if (now <= new Date(o.endsAt).getTime()) return 'live';
  return 'over';
}

import type { AttendanceInput, Attendee, Occurrence, RsvpInput } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import { badRequest, conflict } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { EventAccess } from './event-access.ts';
import { liveEvent } from './events.events.ts';
import type { EventsRepository, EventWithCommunity, OccurrenceRow } from './events.repository.ts';
import { effective, presentOccurrence } from './present.ts';
import type { RsvpsRepository } from './rsvps.repository.ts';
import { roomOpen } from './session-window.ts';

/** People given a seat in one session by a change (a drop, a larger capacity). */
export type Promotion = { eventId: string; key: string; promoted: string[] };

/**
 * RSVPs with capacity and a waitlist, and attendance. Capacity decisions are taken under the
 * occurrence's row lock (EventsRepository.materialise), so two people cannot both take the
 * last seat; whoever drops out hands their seat to the longest-waiting person.
 */
export class RsvpsService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly events: EventsRepository,
    private readonly rsvps: RsvpsRepository,
    private readonly people: PeopleRepository,
    private readonly announcer: EventSender,
  ) {}

  async respond(actor: Actor, eventId: string, key: string, input: RsvpInput): Promise<Occurrence> {
    const { person, event, resource, row: existing } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.rsvp', resource);
    const session = effective(event, key, existing);
    if (session.cancelled) throw conflict('occurrence.cancelled', 'This session is cancelled.');
    if (session.endsAt.getTime() < Date.now()) throw conflict('occurrence.ended', 'This session is over.');
    const promoted = await this.db.transaction().execute(async (tx) => {
      const row = await this.events.materialise(event.id, key, tx);
      if (row.cancelled_at) throw conflict('occurrence.cancelled', 'This session is cancelled.');
      const mine = await this.rsvps.find(row.id, person.personId, tx);
      const at = now();
      if (input.status === 'going') {
        if (mine?.status === 'going' || mine?.status === 'waitlisted') return [];
        const capacity = row.capacity ?? event.capacity;
        const full = capacity !== null && (await this.rsvps.countGoing(row.id, tx)) >= capacity;
        await this.rsvps.upsert(this.rsvpRow(row.id, person.personId, full ? 'waitlisted' : 'going', at, mine), tx);
        return [];
      }
      await this.rsvps.upsert(this.rsvpRow(row.id, person.personId, input.status, at, mine), tx);
      return mine?.status === 'going' ? this.fillFromWaitlist(event, row, tx) : [];
    });
    await this.announce(event, key, promoted);
    return this.occurrenceFor(person, event, key);
  }

  /** Who is coming, for anyone who can read the session. */
  async attendees(actor: Actor, eventId: string, key: string): Promise<Attendee[]> {
    const { row } = await this.access.occurrence(actor, eventId, key);
    if (!row) return [];
    const rows = await this.rsvps.attendees(row.id);
    const people = await this.people.summaries(rows.map((r) => r.person_id));
    let position = 0;
    return rows.flatMap((r) => {
      const p = people.get(r.person_id);
      if (r.status === 'waitlisted') position++;
      return p
        ? [
            {
              person: p,
              status: r.status,
              waitlistPosition: r.status === 'waitlisted' ? position : null,
              attended: r.attended === 1,
              checkedInAt: r.checked_in_at,
            },
          ]
        : [];
    });
  }

  /** The facilitator marks who was there. */
  async markAttendance(actor: Actor, eventId: string, key: string, input: AttendanceInput): Promise<Attendee[]> {
    const { person, event, resource } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.manage', resource);
    const ids = [...new Set(input.attendees.map((a) => a.personId))];
    const known = await this.people.summaries(ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw badRequest(
        'attendance.unknown_person',
        'Some of those people do not exist.',
        unknown.map(() => ({ field: 'attendees', message: 'Unknown person' })),
      );
    }
    await this.db.transaction().execute(async (tx) => {
      const row = await this.events.materialise(event.id, key, tx);
      const at = now();
      for (const a of input.attendees) await this.rsvps.setAttended(row.id, a.personId, a.attended, at, false, tx);
    });
    await this.announce(event, key, []);
    return this.attendees(person, eventId, key);
  }

  /** People check themselves in while the session is on. */
  async checkIn(actor: Actor, eventId: string, key: string): Promise<Occurrence> {
    const { person, event, resource, row: existing } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.rsvp', resource);
    const session = effective(event, key, existing);
    if (session.cancelled) throw conflict('occurrence.cancelled', 'This session is cancelled.');
    if (!roomOpen(session)) {
      throw conflict('occurrence.check_in_closed', 'Check-in opens 30 minutes before the session and closes when it ends.');
    }
    await this.db.transaction().execute(async (tx) => {
      const row = await this.events.materialise(event.id, key, tx);
      await this.rsvps.setAttended(row.id, person.personId, true, now(), true, tx);
    });
    await this.announce(event, key, []);
    return this.occurrenceFor(person, event, key);
  }

  /** Refuses a capacity below the people already going (409): nobody loses a seat they were given. */
  async checkCapacity(row: OccurrenceRow, capacity: number | null, tx: Tx): Promise<void> {
    if (capacity === null) return;
    const going = await this.rsvps.countGoing(row.id, tx);
    if (going > capacity) {
      throw conflict('event.capacity_below_going', `${going} people are already going; the capacity cannot go below that.`);
    }
  }

  /** Gives free seats to the waitlist, longest-waiting first; answers who was promoted. */
  async fillFromWaitlist(event: Pick<EventWithCommunity, 'capacity'>, row: OccurrenceRow, tx: Tx): Promise<string[]> {
    const capacity = row.capacity ?? event.capacity;
    const free = capacity === null ? 1_000 : capacity - (await this.rsvps.countGoing(row.id, tx));
    const promoted = await this.rsvps.nextWaitlisted(row.id, free, tx);
    await this.rsvps.setStatus(row.id, promoted, 'going', now(), tx);
    return promoted;
  }

  async occurrenceFor(person: PersonActor, event: EventWithCommunity, key: string): Promise<Occurrence> {
    const row = await this.events.findOccurrence(event.id, key);
    if (!row) return presentOccurrence(event, key, undefined, undefined, undefined);
    const [counts, mine] = await Promise.all([this.rsvps.counts([row.id]), this.rsvps.mine([row.id], person.personId)]);
    return presentOccurrence(event, key, row, counts.get(row.id), mine.get(row.id));
  }

  private rsvpRow(
    occurrenceId: string,
    personId: string,
    status: 'going' | 'maybe' | 'not_going' | 'waitlisted',
    at: string,
    mine?: { queued_at: string; attended: number; checked_in_at: string | null },
  ) {
    return {
      occurrence_id: occurrenceId,
      person_id: personId,
      status,
      // The waitlist is served in the order people last asked for a seat.
      queued_at: status === 'going' || status === 'waitlisted' ? at : (mine?.queued_at ?? at),
      attended: mine?.attended ?? 0,
      checked_in_at: mine?.checked_in_at ?? null,
      updated_at: at,
    };
  }

  private announce(event: EventWithCommunity, key: string, promoted: string[]) {
    return this.announceSeats(event.community_id, [{ eventId: event.id, key, promoted }]);
  }

  /**
   * After a commit that changed who has a seat: the new counts for everyone, and to each
   * promoted person only, that they are in (whether someone dropped or the capacity grew).
   */
  async announceSeats(communityId: string, changes: Promotion[]): Promise<void> {
    const events = [];
    for (const { eventId, key, promoted } of changes) {
      const row = await this.events.findOccurrence(eventId, key);
      const counts = row ? (await this.rsvps.counts([row.id])).get(row.id) : undefined;
      events.push(
        liveEvent('rsvp.changed', communityId, {
          eventId,
          key,
          counts: counts ?? { going: 0, maybe: 0, notGoing: 0, waitlisted: 0, attended: 0 },
        }),
        ...(promoted.length > 0 ? [liveEvent('rsvp.promoted', communityId, { eventId, key }, promoted)] : []),
      );
    }
    await this.announcer.send(events);
  }
}

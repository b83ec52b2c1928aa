import type { EventSeries, UpdateEventInput } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { newId, now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import { addMinutes, floating } from '../../platform/time/wall-clock.ts';
import type { EventAccess } from './event-access.ts';
import { checkLocal, checkTimeZone, renderDescription } from './event-input.ts';
import { liveEvent } from './events.events.ts';
import type { EventRow, EventsRepository, EventWithCommunity, OccurrenceRow } from './events.repository.ts';
import { presentSeries } from './present.ts';
import { canonicalRule, countBefore, isOccurrenceOf, ruleParts, withEnd } from './recurrence.ts';
import type { Promotion, RsvpsService } from './rsvps.service.ts';

const SERIES_ONLY = ['format', 'description', 'timeZone', 'rrule'] as const;

const versionConflict = () =>
  conflict('event.version_conflict', 'Someone else changed this event since you opened it. Reload and apply your change again.');
const orphaned = () =>
  conflict(
    'event.occurrences_would_orphan',
    'Some sessions with RSVPs or notes would no longer be part of the series. Cancel them first, or change "this and following".',
  );

/**
 * Editing a series: one occurrence ("this"), the whole series ("all"), or from one occurrence
 * on ("following"), which splits the series in two: the old one ends just before that
 * occurrence (its COUNT cut, or UNTIL set a minute before it) and a new series, remembering it
 * came from the old (`split_from_id`), starts there with the change applied. Occurrence
 * records from that point move to the new series, so RSVPs and notes follow their session.
 */
export class EditSeriesService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly events: EventsRepository,
    private readonly rsvps: RsvpsService,
    private readonly announcer: EventSender,
  ) {}

  async edit(actor: Actor, eventId: string, input: UpdateEventInput): Promise<EventSeries> {
    const { person, event, resource } = await this.access.event(actor, eventId);
    authorize(person, 'event.manage', resource);
    if (event.cancelled_at) throw conflict('event.cancelled', 'This event is cancelled; schedule a new one instead.');
    if (input.version !== event.version) throw versionConflict();
    const key = input.scope === 'all' ? undefined : this.keyOf(event, input.occurrenceKey);
    let resultId = event.id;
    // A larger capacity (or a session's own capacity lifted) seats people from the waitlist.
    let promotions: Promotion[];
    if (input.scope === 'this' && key) {
      promotions = await this.editOne(event, key, input);
    } else if (input.scope === 'following' && key && event.rrule && key !== event.start_local) {
      ({ id: resultId, promotions } = await this.split(person.personId, event, key, input));
    } else {
      promotions = await this.editAll(event, input);
    }
    await this.rsvps.announceSeats(
      event.community_id,
      promotions.filter((p) => p.promoted.length > 0),
    );
    await this.announcer.send([
      liveEvent('event.changed', event.community_id, { eventId: event.id, ...(resultId !== event.id && { newEventId: resultId }) }),
      ...(key && input.scope === 'this' ? [liveEvent('occurrence.changed', event.community_id, { eventId: event.id, key })] : []),
    ]);
    const reloaded = await this.access.event(person, resultId);
    return presentSeries(person, reloaded.event);
  }

  private keyOf(event: EventWithCommunity, key: string | undefined): string {
    if (!key) {
      throw badRequest('event.occurrence_key_required', 'Say which session: give its occurrenceKey.', [
        { field: 'occurrenceKey', message: 'Required for this scope' },
      ]);
    }
    if (!isOccurrenceOf(event, key)) throw notFound('occurrence.not_found', 'That event has no session at that time.');
    return key;
  }

  /** Overrides for one session: moved, retitled, elsewhere, another capacity. */
  private async editOne(event: EventWithCommunity, key: string, input: UpdateEventInput): Promise<Promotion[]> {
    const seriesOnly = SERIES_ONLY.filter((f) => input[f] !== undefined);
    if (seriesOnly.length > 0) {
      throw badRequest(
        'event.not_per_occurrence',
        'Format, description, time zone and rule belong to the series: edit "all" or "this and following".',
        seriesOnly.map((field) => ({ field, message: 'Series only' })),
      );
    }
    const start = input.start === undefined ? undefined : checkLocal('start', input.start);
    return this.db.transaction().execute(async (tx) => {
      await this.bumpVersion(event, tx);
      const row = await this.events.materialise(event.id, key, tx);
      if (input.capacity !== undefined) await this.rsvps.checkCapacity(row, input.capacity ?? event.capacity, tx);
      await this.events.updateOccurrence(
        row.id,
        {
          ...(start !== undefined && { start_local: start === key ? null : start }),
          ...(input.title !== undefined && { title: input.title }),
          ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
          ...(input.place !== undefined && { place: input.place }),
          ...(input.videoUrl !== undefined && { video_url: input.videoUrl }),
          ...(input.capacity !== undefined && { capacity: input.capacity }),
        },
        tx,
      );
      if (input.capacity === undefined) return [];
      return [{ eventId: event.id, key, promoted: await this.rsvps.fillFromWaitlist(event, { ...row, capacity: input.capacity }, tx) }];
    });
  }

  private async editAll(event: EventWithCommunity, input: UpdateEventInput): Promise<Promotion[]> {
    const next = this.applied(event, input, event.start_local);
    return this.db.transaction().execute(async (tx) => {
      const rows = await this.events.occurrencesOf([event.id], tx);
      const promotions = await this.carryOver(event, next, rows, event.start_local, event.id, tx);
      const saved = await this.events.updateIfVersion(event.id, event.version, this.patchOf(next), tx);
      if (!saved) throw versionConflict();
      return promotions;
    });
  }

  private async split(
    personId: string,
    event: EventWithCommunity,
    key: string,
    input: UpdateEventInput,
  ): Promise<{ id: string; promotions: Promotion[] }> {
    const oldRule = event.rrule as string;
    const before = countBefore({ rrule: oldRule, start_local: event.start_local }, key);
    const oldCount = ruleParts(oldRule).count;
    const endOld = withEnd(oldRule, oldCount ? { count: before } : { untilLocal: addMinutes(key, -1) });
    // The new series keeps what is left of a COUNT, and otherwise the old rule's end.
    const inherited = oldCount ? withEnd(oldRule, { count: oldCount - before }) : oldRule;
    const next = this.applied({ ...event, rrule: inherited }, input, key);
    const id = newId();
    const at = now();
    const promotions = await this.db.transaction().execute(async (tx) => {
      const saved = await this.events.updateIfVersion(event.id, event.version, { rrule: endOld }, tx);
      if (!saved) throw versionConflict();
      const { id: _id, ...copied } = event;
      await this.events.insert(
        {
          ...pickEventColumns(copied),
          ...this.patchOf(next),
          id,
          split_from_id: event.id,
          version: 1,
          created_by: personId,
          created_at: at,
          updated_at: at,
          cancelled_at: null,
        },
        tx,
      );
      const rows = (await this.events.occurrencesOf([event.id], tx)).filter((r) => r.occurrence_key >= key);
      return this.carryOver({ ...event, start_local: key }, next, rows, key, id, tx);
    });
    return { id, promotions };
  }

  /** The series as it will be: timing validated (a changed start or zone re-checks the rule). */
  private applied(event: EventWithCommunity, input: UpdateEventInput, from: string) {
    const start = input.start === undefined ? from : checkLocal('start', input.start);
    const tz = input.timeZone === undefined ? event.tz : checkTimeZone(input.timeZone);
    const source = input.rrule === undefined ? event.rrule : input.rrule;
    const rrule = source ? canonicalRule(source, start, tz) : null;
    return {
      format: input.format ?? event.format,
      title: input.title ?? event.title,
      ...(input.description !== undefined
        ? renderDescription(input.description)
        : { description_source: event.description_source, description_html: event.description_html }),
      start_local: start,
      tz,
      duration_minutes: input.durationMinutes ?? event.duration_minutes,
      rrule,
      place: input.place === undefined ? event.place : input.place,
      video_url: input.videoUrl === undefined ? event.video_url : input.videoUrl,
      capacity: input.capacity === undefined ? event.capacity : input.capacity,
    };
  }

  private patchOf(next: ReturnType<EditSeriesService['applied']>): Partial<EventRow> {
    return next;
  }

  /**
   * Moves occurrence records along with a timing change: each key shifts by as much as the
   * series' start did, and must still be a session of the new rule, or nothing is written.
   * Answers who got a seat in which session (under its new address) when the capacity grew.
   */
  private async carryOver(
    event: EventWithCommunity,
    next: ReturnType<EditSeriesService['applied']>,
    rows: OccurrenceRow[],
    from: string,
    targetId: string,
    tx: Tx,
  ): Promise<Promotion[]> {
    const shift = (floating(next.start_local) - floating(from)) / 60_000;
    const moves: { row: OccurrenceRow; key: string }[] = [];
    for (const row of rows) {
      if (row.capacity === null && next.capacity !== event.capacity) await this.rsvps.checkCapacity(row, next.capacity, tx);
      const key = addMinutes(row.occurrence_key, shift);
      if (!isOccurrenceOf(next, key)) throw orphaned();
      if (key !== row.occurrence_key || targetId !== row.event_id) moves.push({ row, key });
    }
    // In two steps, so that a shifted key never collides with one not yet shifted.
    for (const { row } of moves) await this.events.rekey(row.id, { event_id: targetId, occurrence_key: `~${row.id}` }, tx);
    for (const { row, key } of moves) await this.events.rekey(row.id, { event_id: targetId, occurrence_key: key }, tx);
    const newKeys = new Map(moves.map(({ row, key }) => [row.id, key]));
    const promotions: Promotion[] = [];
    for (const row of rows) {
      if (row.capacity !== null) continue;
      const promoted = await this.rsvps.fillFromWaitlist({ ...event, capacity: next.capacity }, row, tx);
      promotions.push({ eventId: targetId, key: newKeys.get(row.id) ?? row.occurrence_key, promoted });
    }
    return promotions;
  }

  /** A change to one session is a change to the series, for whoever edits it next. */
  private async bumpVersion(event: EventWithCommunity, tx: Tx) {
    if (!(await this.events.updateIfVersion(event.id, event.version, {}, tx))) throw versionConflict();
  }
}

function pickEventColumns(e: Omit<EventWithCommunity, 'id'>): Omit<EventRow, 'id'> {
  const { community_slug: _s, community_name: _n, visibility: _v, stage: _st, membership: _m, ...row } = e;
  return row;
}

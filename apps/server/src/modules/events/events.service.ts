import type { CreateEventInput, EventSeries, Occurrence, OccurrenceListQuery, Page } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { conflict } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { newId, now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import { pageOfSlots, type Slot, slotsIn, windowOf } from './calendar-window.ts';
import { communityResourceOf, type EventAccess } from './event-access.ts';
import { checkLocal, checkTimeZone, durationOf, renderDescription, ruleOrNull } from './event-input.ts';
import { liveEvent } from './events.events.ts';
import type { EventsRepository, EventWithCommunity } from './events.repository.ts';
import { presentOccurrence, presentSeries } from './present.ts';
import type { RsvpsRepository } from './rsvps.repository.ts';

/** Scheduling sessions and reading calendars: a community's, a series', and "my upcoming sessions". */
export class EventsService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly events: EventsRepository,
    private readonly rsvps: RsvpsRepository,
    private readonly announcer: EventSender,
  ) {}

  async create(actor: Actor, slug: string, input: CreateEventInput): Promise<EventSeries> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'event.manage', communityResourceOf(community));
    const tz = checkTimeZone(input.timeZone);
    const start = checkLocal('start', input.start);
    const duration = durationOf(start, tz, input);
    const rrule = ruleOrNull(input.rrule, start, tz);
    const at = now();
    const id = newId();
    await this.db.transaction().execute((tx) =>
      this.events.insert(
        {
          id,
          community_id: community.id,
          format: input.format,
          title: input.title,
          ...renderDescription(input.description),
          start_local: start,
          tz,
          duration_minutes: duration,
          rrule,
          place: input.place ?? null,
          video_url: input.videoUrl ?? null,
          capacity: input.capacity ?? null,
          split_from_id: null,
          version: 1,
          created_by: person.personId,
          created_at: at,
          updated_at: at,
          cancelled_at: null,
        },
        tx,
      ),
    );
    await this.announcer.send([liveEvent('event.changed', community.id, { eventId: id })]);
    return this.get(person, id);
  }

  async get(actor: Actor, eventId: string): Promise<EventSeries> {
    const { person, event } = await this.access.event(actor, eventId);
    return presentSeries(person, event);
  }

  /** Cancels the whole series (or the one-off): it stays, marked cancelled, so calendars can say so. */
  async cancel(actor: Actor, eventId: string): Promise<EventSeries> {
    const { person, event, resource } = await this.access.event(actor, eventId);
    authorize(person, 'event.manage', resource);
    if (event.cancelled_at) throw conflict('event.cancelled', 'This event is already cancelled.');
    await this.db.transaction().execute(async (tx) => {
      await this.events.updateIfVersion(event.id, event.version, { cancelled_at: now() }, tx);
    });
    await this.announcer.send([liveEvent('event.changed', event.community_id, { eventId: event.id })]);
    return this.get(person, eventId);
  }

  /** A community's calendar: its sessions starting in the window, in order. */
  async listForCommunity(actor: Actor, slug: string, query: OccurrenceListQuery): Promise<Page<Occurrence>> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'event.read', communityResourceOf(community));
    const window = windowOf(query);
    const series = await this.events.seriesFor(person, { communityId: community.id }, window);
    return this.page(person, series, window, query);
  }

  /** Home: sessions of my communities and those I said I am going to, across every community I can read. */
  async listMine(actor: Actor, query: OccurrenceListQuery): Promise<Page<Occurrence>> {
    const person = requirePerson(actor);
    const window = windowOf(query);
    const series = await this.events.seriesFor(person, { mine: true }, window);
    return this.page(person, series, window, query);
  }

  /** One series' sessions in the window. */
  async listOfEvent(actor: Actor, eventId: string, query: OccurrenceListQuery): Promise<Page<Occurrence>> {
    const { person, event } = await this.access.event(actor, eventId);
    return this.page(person, [event], windowOf(query), query);
  }

  private async page(person: PersonActor, series: EventWithCommunity[], window: ReturnType<typeof windowOf>, query: OccurrenceListQuery) {
    const rows = await this.events.occurrencesIn(
      series.map((s) => s.id),
      window.fromLocal,
      window.toLocal,
    );
    const page = pageOfSlots(slotsIn(series, rows, window), query.cursor, query.limit);
    return { items: await this.present(person, page.items), nextCursor: page.nextCursor };
  }

  async present(person: PersonActor, slots: Slot[]): Promise<Occurrence[]> {
    const ids = slots.flatMap((s) => (s.row ? [s.row.id] : []));
    const [counts, mine] = await Promise.all([this.rsvps.counts(ids), this.rsvps.mine(ids, person.personId)]);
    return slots.map((s) => presentOccurrence(s.event, s.key, s.row, s.row && counts.get(s.row.id), s.row && mine.get(s.row.id)));
  }
}

import type { AgendaSlot, OccurrenceDetail, OccurrenceRecordInput, Reading } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest, conflict } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/policy.ts';
import { renderMarkdown } from '../../platform/markdown/markdown.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { ThreadsRepository } from '../conversations/index.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { AgendaRepository } from './agenda.repository.ts';
import type { BacklogRepository } from './backlog.repository.ts';
import { type EventAccess, sessionResource } from './event-access.ts';
import { liveEvent } from './events.events.ts';
import type { EventsRepository, EventWithCommunity } from './events.repository.ts';
import { effective } from './present.ts';
import { presentReading } from './readings.service.ts';
import type { RsvpsService } from './rsvps.service.ts';
import { roomOpen } from './session-window.ts';

/** One session: its page, its record after the fact (notes, links, reading), cancelling and restoring it. */
export class OccurrencesService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly events: EventsRepository,
    private readonly rsvps: RsvpsService,
    private readonly agenda: AgendaRepository,
    private readonly backlog: BacklogRepository,
    private readonly threads: ThreadsRepository,
    private readonly people: PeopleRepository,
    private readonly announcer: EventSender,
  ) {}

  async get(actor: Actor, eventId: string, key: string): Promise<OccurrenceDetail> {
    const { person, event } = await this.access.occurrence(actor, eventId, key);
    return this.detail(person, event, key);
  }

  async detail(person: PersonActor, event: EventWithCommunity, key: string): Promise<OccurrenceDetail> {
    const occurrence = await this.rsvps.occurrenceFor(person, event, key);
    const row = await this.events.findOccurrence(event.id, key);
    const resource = (await this.access.event(person, event.id)).resource;
    const readingRow = row?.reading_id ? await this.backlog.reading(row.reading_id, person.personId) : undefined;
    const reading: Reading | null = readingRow ? ((await this.readingsWithPeople([readingRow]))[0] ?? null) : null;
    const presenter = row ? await this.agenda.presents(row.id, person.personId) : false;
    return {
      ...occurrence,
      description: event.description_source,
      descriptionHtml: event.description_html,
      notes: row?.notes_source ?? '',
      notesHtml: row?.notes_html ?? '',
      slidesUrl: row?.slides_url ?? null,
      recordingUrl: row?.recording_url ?? null,
      reading,
      discussionThreadId: row?.discussion_thread_id ?? null,
      agenda: row ? await this.agendaOf(row.id) : [],
      eventVersion: event.version,
      canManage: can(person, 'event.manage', resource),
      canTakePart: can(person, 'event.rsvp', resource),
      canPresent: can(person, 'event.present', sessionResource(resource, presenter)),
      checkInOpen: roomOpen(effective(event, key, row)),
    };
  }

  async agendaOf(occurrenceId: string): Promise<AgendaSlot[]> {
    const slots = await this.agenda.list(occurrenceId);
    const people = await this.people.summaries(slots.flatMap((s) => (s.presenter_id ? [s.presenter_id] : [])));
    return slots.map((s) => ({
      id: s.id,
      position: s.position,
      title: s.title,
      presenter: (s.presenter_id && people.get(s.presenter_id)) || null,
      durationMinutes: s.duration_minutes,
      talkIdeaId: s.talk_idea_id,
      thread: s.thread_id && s.thread_title ? { id: s.thread_id, title: s.thread_title } : null,
    }));
  }

  /** After the session: notes, slides and recording; for journal clubs, the reading and its thread. */
  async record(actor: Actor, eventId: string, key: string, input: OccurrenceRecordInput): Promise<OccurrenceDetail> {
    const { person, event, resource } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.manage', resource);
    if (input.readingId) {
      const reading = await this.backlog.reading(input.readingId, person.personId);
      if (!reading || reading.community_id !== event.community_id) {
        throw badRequest('occurrence.unknown_reading', 'That reading is not on this community’s list.', [
          { field: 'readingId', message: 'Unknown reading' },
        ]);
      }
    }
    if (input.discussionThreadId) await this.checkThread(person, event, input.discussionThreadId, 'discussionThreadId');
    const notesHtml = input.notes === undefined ? undefined : input.notes.trim() ? renderMarkdown(input.notes) : '';
    await this.db.transaction().execute(async (tx) => {
      const row = await this.events.materialise(event.id, key, tx);
      await this.events.updateOccurrence(
        row.id,
        {
          ...(input.notes !== undefined && { notes_source: input.notes, notes_html: notesHtml ?? '' }),
          ...(input.slidesUrl !== undefined && { slides_url: input.slidesUrl }),
          ...(input.recordingUrl !== undefined && { recording_url: input.recordingUrl }),
          ...(input.readingId !== undefined && { reading_id: input.readingId }),
          ...(input.discussionThreadId !== undefined && { discussion_thread_id: input.discussionThreadId }),
        },
        tx,
      );
    });
    await this.announcer.send([liveEvent('occurrence.changed', event.community_id, { eventId: event.id, key })]);
    return this.detail(person, event, key);
  }

  /** Cancels one session (an EXDATE in feeds), or restores it. RSVPs are kept, so a restore brings them back. */
  async setCancelled(actor: Actor, eventId: string, key: string, cancelled: boolean): Promise<OccurrenceDetail> {
    const { person, event, resource, row: existing } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.manage', resource);
    if (event.cancelled_at) throw conflict('event.cancelled', 'The whole event is cancelled.');
    if (cancelled === (existing?.cancelled_at != null)) {
      throw conflict(
        cancelled ? 'occurrence.cancelled' : 'occurrence.not_cancelled',
        cancelled ? 'This session is already cancelled.' : 'This session is not cancelled.',
      );
    }
    await this.db.transaction().execute(async (tx) => {
      const row = await this.events.materialise(event.id, key, tx);
      await this.events.updateOccurrence(row.id, { cancelled_at: cancelled ? new Date().toISOString() : null }, tx);
    });
    await this.announcer.send([liveEvent('occurrence.changed', event.community_id, { eventId: event.id, key })]);
    return this.detail(person, event, key);
  }

  /** A thread named by a session must be one of the same community that the person can read. */
  async checkThread(person: PersonActor, event: EventWithCommunity, threadId: string, field: string, kind?: 'challenge') {
    const thread = await this.threads.find(threadId, person.personId);
    if (!thread || thread.community_id !== event.community_id || (kind && thread.kind !== kind)) {
      throw badRequest(
        'occurrence.unknown_thread',
        kind ? 'Pick an open challenge of this community.' : 'Pick a thread of this community.',
        [{ field, message: 'Unknown thread' }],
      );
    }
    return thread;
  }

  async readingsWithPeople(rows: NonNullable<Awaited<ReturnType<BacklogRepository['reading']>>>[]): Promise<Reading[]> {
    const people = await this.people.summaries(rows.map((r) => r.suggested_by));
    return rows.map((r) => presentReading(r, people));
  }
}

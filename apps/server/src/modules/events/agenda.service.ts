import type {
  AgendaSlot,
  BacklogListQuery,
  CreateAgendaSlotInput,
  CreateTalkIdeaInput,
  Page,
  PersonSummary,
  ScheduleTalkIdeaInput,
  TalkIdea,
  ThreadSummary,
  UpdateAgendaSlotInput,
} from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { newId, now } from '../../platform/ids.ts';
import { renderMarkdown } from '../../platform/markdown/markdown.ts';
import type { DomainEvent } from '../../platform/realtime/bus.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { Presenter, ThreadsRepository } from '../conversations/index.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { AgendaRepository } from './agenda.repository.ts';
import type { BacklogRepository } from './backlog.repository.ts';
import { communityResourceOf, type EventAccess } from './event-access.ts';
import { liveEvent } from './events.events.ts';
import type { EventsRepository, EventWithCommunity } from './events.repository.ts';
import type { OccurrencesService } from './occurrences.service.ts';

type IdeaRow = NonNullable<Awaited<ReturnType<BacklogRepository['idea']>>>;

function presentIdea(r: IdeaRow, people: Map<string, PersonSummary>): TalkIdea {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    abstract: r.abstract_source,
    abstractHtml: r.abstract_html,
    presenter: people.get(r.presenter_id) ?? null,
    votes: r.vote_count,
    myVote: Boolean(r.my_vote),
    scheduled:
      r.scheduled_slot_id && r.scheduled_event_id && r.scheduled_key
        ? { eventId: r.scheduled_event_id, key: r.scheduled_key, slotId: r.scheduled_slot_id }
        : null,
    createdAt: r.created_at,
  };
}

/**
 * A session's agenda, and the community's talk backlog that feeds it: members volunteer talk
 * and demo ideas and vote; facilitators schedule an idea into a slot, and its presenter is told,
 * as is anyone a facilitator names as a slot's presenter.
 * Problem-solving sessions take open challenge threads into their agenda.
 */
export class AgendaService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly events: EventsRepository,
    private readonly agenda: AgendaRepository,
    private readonly backlog: BacklogRepository,
    private readonly occurrences: OccurrencesService,
    private readonly threads: ThreadsRepository,
    private readonly threadPresenter: Presenter,
    private readonly people: PeopleRepository,
    private readonly announcer: EventSender,
  ) {}

  async addSlot(actor: Actor, eventId: string, key: string, input: CreateAgendaSlotInput): Promise<AgendaSlot[]> {
    const { person, event, resource } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.manage', resource);
    await this.checkSlotRefs(person, event, input);
    const slotId = newId();
    const occurrenceId = await this.db.transaction().execute(async (tx) => {
      const row = await this.events.materialise(event.id, key, tx);
      await this.agenda.insert(
        {
          id: slotId,
          occurrence_id: row.id,
          position: await this.agenda.nextPosition(row.id, tx),
          title: input.title,
          presenter_id: input.presenterId ?? null,
          duration_minutes: input.durationMinutes ?? null,
          talk_idea_id: null,
          thread_id: input.threadId ?? null,
          created_at: now(),
        },
        tx,
      );
      return row.id;
    });
    await this.changed(event, key, this.presenterTold(event, key, slotId, input.presenterId ?? null));
    return this.occurrences.agendaOf(occurrenceId);
  }

  async updateSlot(actor: Actor, slotId: string, input: UpdateAgendaSlotInput): Promise<AgendaSlot[]> {
    const { person, event, key, slot, resource } = await this.slot(actor, slotId);
    authorize(person, 'event.manage', resource);
    await this.checkSlotRefs(person, event, input);
    await this.db.transaction().execute((tx) =>
      this.agenda.update(
        slot.id,
        {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.presenterId !== undefined && { presenter_id: input.presenterId }),
          ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
          ...(input.threadId !== undefined && { thread_id: input.threadId }),
          ...(input.position !== undefined && { position: input.position }),
        },
        tx,
      ),
    );
    // Only a newly named presenter hears of it: retitling or moving a slot is not news to them.
    const newPresenter = input.presenterId && input.presenterId !== slot.presenter_id ? input.presenterId : null;
    await this.changed(event, key, this.presenterTold(event, key, slot.id, newPresenter));
    return this.occurrences.agendaOf(slot.occurrence_id);
  }

  async removeSlot(actor: Actor, slotId: string): Promise<void> {
    const { person, event, key, slot, resource } = await this.slot(actor, slotId);
    authorize(person, 'event.manage', resource);
    await this.db.transaction().execute((tx) => this.agenda.remove(slot.id, tx));
    await this.changed(event, key);
  }

  /** Open challenges of the session's community, for a problem-solving agenda. */
  async openChallenges(actor: Actor, eventId: string, key: string): Promise<ThreadSummary[]> {
    const { person, event } = await this.access.occurrence(actor, eventId, key);
    const rows = await this.threads.list(person, { communityId: event.community_id, kind: 'challenge', state: 'open', limit: 50 });
    return this.threadPresenter.threadSummaries(rows.slice(0, 50));
  }

  async ideas(actor: Actor, slug: string, query: BacklogListQuery): Promise<Page<TalkIdea>> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'event.read', communityResourceOf(community));
    const after = decodeCursor(query.cursor, 2) as [number, string] | undefined;
    const rows = await this.backlog.ideas(community.id, person.personId, after, query.limit);
    const page = pageFrom(
      rows,
      query.limit,
      (r) => r,
      (r) => [r.vote_count, r.id],
    );
    const people = await this.people.summaries(page.items.map((r) => r.presenter_id));
    return { items: page.items.map((r) => presentIdea(r, people)), nextCursor: page.nextCursor };
  }

  /** Volunteering a talk or demo: the one who proposes it presents it. */
  async propose(actor: Actor, slug: string, input: CreateTalkIdeaInput): Promise<TalkIdea> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'event.backlog.contribute', communityResourceOf(community));
    const id = newId();
    const html = input.abstract.trim() ? renderMarkdown(input.abstract) : '';
    await this.db.transaction().execute((tx) =>
      this.backlog.insertIdea(
        {
          id,
          community_id: community.id,
          kind: input.kind,
          title: input.title,
          abstract_source: input.abstract,
          abstract_html: html,
          presenter_id: person.personId,
          vote_count: 0,
          scheduled_slot_id: null,
          created_at: now(),
        },
        tx,
      ),
    );
    return this.idea(person, id);
  }

  async vote(actor: Actor, ideaId: string, on: boolean): Promise<TalkIdea> {
    const { person, resource } = await this.loadIdea(actor, ideaId);
    authorize(person, 'event.backlog.contribute', resource);
    await this.db.transaction().execute((tx) => this.backlog.voteIdea(ideaId, person.personId, on, now(), tx));
    return this.idea(person, ideaId);
  }

  /** A facilitator puts an idea into a session's agenda; its presenter hears of it. */
  async schedule(actor: Actor, ideaId: string, input: ScheduleTalkIdeaInput): Promise<TalkIdea> {
    const { person, idea } = await this.loadIdea(actor, ideaId);
    const { event, resource } = await this.access.occurrence(person, input.eventId, input.occurrenceKey);
    authorize(person, 'event.manage', resource);
    if (event.community_id !== idea.community_id) {
      throw badRequest('talk_idea.other_community', 'Schedule an idea into a session of its own community.', [
        { field: 'eventId', message: 'Another community' },
      ]);
    }
    if (idea.scheduled_slot_id) throw conflict('talk_idea.already_scheduled', 'This idea is already on an agenda.');
    const slotId = newId();
    await this.db.transaction().execute(async (tx) => {
      const row = await this.events.materialise(event.id, input.occurrenceKey, tx);
      await this.agenda.insert(
        {
          id: slotId,
          occurrence_id: row.id,
          position: await this.agenda.nextPosition(row.id, tx),
          title: idea.title,
          presenter_id: idea.presenter_id,
          duration_minutes: input.durationMinutes ?? null,
          talk_idea_id: idea.id,
          thread_id: null,
          created_at: now(),
        },
        tx,
      );
      await this.backlog.scheduleIdea(idea.id, slotId, tx);
    });
    await this.announcer.send([
      liveEvent('talk_idea.scheduled', event.community_id, { talkIdeaId: idea.id, eventId: event.id, key: input.occurrenceKey, slotId }, [
        idea.presenter_id,
      ]),
      liveEvent('occurrence.changed', event.community_id, { eventId: event.id, key: input.occurrenceKey }),
    ]);
    return this.idea(person, idea.id);
  }

  private async idea(person: PersonActor, id: string): Promise<TalkIdea> {
    const row = await this.backlog.idea(id, person.personId);
    if (!row) throw notFound('talk_idea.not_found', 'No such talk idea.');
    return presentIdea(row, await this.people.summaries([row.presenter_id]));
  }

  private async loadIdea(actor: Actor, id: string) {
    const row = await this.backlog.idea(id, '');
    const slug = row ? await this.backlog.communitySlug(row.community_id) : undefined;
    if (!row || !slug) throw notFound('talk_idea.not_found', 'No such talk idea.');
    const { person, community } = await this.access.community(actor, slug).catch((error: { code?: string }) => {
      throw error.code === 'community.not_found' ? notFound('talk_idea.not_found', 'No such talk idea.') : error;
    });
    return { person, idea: row, resource: communityResourceOf(community) };
  }

  private async slot(actor: Actor, slotId: string) {
    const slot = await this.agenda.find(slotId);
    if (!slot) throw notFound('agenda_slot.not_found', 'No such agenda slot.');
    const loaded = await this.access.occurrenceById(actor, slot.occurrence_id).catch((error: { code?: string }) => {
      throw error.code === 'event.not_found' ? notFound('agenda_slot.not_found', 'No such agenda slot.') : error;
    });
    return { ...loaded, slot };
  }

  private async checkSlotRefs(
    person: PersonActor,
    event: EventWithCommunity,
    input: { presenterId?: string | null; threadId?: string | null },
  ) {
    if (input.presenterId && !(await this.people.summaries([input.presenterId])).has(input.presenterId)) {
      throw badRequest('agenda.unknown_presenter', 'No such person.', [{ field: 'presenterId', message: 'Unknown person' }]);
    }
    if (input.threadId) await this.occurrences.checkThread(person, event, input.threadId, 'threadId', 'challenge');
  }

  /** The presenter's own notice; the stream still withholds it if they cannot read the community. */
  private presenterTold(event: EventWithCommunity, key: string, slotId: string, presenterId: string | null) {
    if (!presenterId) return [];
    return [liveEvent('agenda_slot.presenter_assigned', event.community_id, { eventId: event.id, key, slotId }, [presenterId])];
  }

  private changed(event: EventWithCommunity, key: string, notices: DomainEvent[] = []) {
    return this.announcer.send([...notices, liveEvent('occurrence.changed', event.community_id, { eventId: event.id, key })]);
  }
}

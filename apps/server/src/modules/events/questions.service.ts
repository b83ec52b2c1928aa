import { type CreateSessionQuestionInput, type PersonSummary, SESSION_OPENS_EARLY_MINUTES, type SessionQuestion } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { conflict, notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { newId, now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { AgendaRepository } from './agenda.repository.ts';
import { type EventAccess, sessionResource } from './event-access.ts';
import { liveEvent } from './events.events.ts';
import type { EventsRepository, EventWithCommunity } from './events.repository.ts';
import { effective } from './present.ts';
import type { QuestionsRepository } from './questions.repository.ts';
import { roomOpen } from './session-window.ts';

type QuestionRow = NonNullable<Awaited<ReturnType<QuestionsRepository['find']>>>;

/**
 * Live Q&A during a session: attendees ask, optionally anonymously, and upvote; the presenter
 * sees the ranking change live (SSE). An anonymous asker is `{ anonymous: true }` for everyone
 * but themselves — facilitators and org admins included — in responses and events alike.
 */
export class QuestionsService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly events: EventsRepository,
    private readonly questions: QuestionsRepository,
    private readonly people: PeopleRepository,
    private readonly agenda: AgendaRepository,
    private readonly announcer: EventSender,
  ) {}

  async list(actor: Actor, eventId: string, key: string): Promise<SessionQuestion[]> {
    const { person, row } = await this.access.occurrence(actor, eventId, key);
    if (!row) return [];
    return this.present(eventId, key, await this.questions.list(row.id, person.personId));
  }

  async ask(actor: Actor, eventId: string, key: string, input: CreateSessionQuestionInput): Promise<SessionQuestion> {
    const { person, event, resource, row: existing } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.ask', resource);
    const session = effective(event, key, existing);
    if (session.cancelled) throw conflict('occurrence.cancelled', 'This session is cancelled.');
    // Questions are for the speaker in the room; before and after, threads are the place to ask.
    if (!roomOpen(session)) {
      throw conflict(
        'occurrence.questions_closed',
        `Questions open ${SESSION_OPENS_EARLY_MINUTES} minutes before the session starts and close when it ends.`,
      );
    }
    const id = newId();
    await this.db.transaction().execute(async (tx) => {
      const row = await this.events.materialise(event.id, key, tx);
      await this.questions.insert(
        {
          id,
          occurrence_id: row.id,
          author_id: person.personId,
          anonymous: input.anonymous ? 1 : 0,
          body: input.body,
          vote_count: 0,
          answered_at: null,
          thread_id: null,
          created_at: now(),
        },
        tx,
      );
    });
    const question = await this.one(person, event, key, id);
    const { isMine: _m, myVote: _v, ...publicQuestion } = question;
    await this.announcer.send([
      liveEvent('session_question.created', event.community_id, { eventId: event.id, key, questionId: id, question: publicQuestion }),
      // Only the author's own tabs learn that an anonymous question is theirs.
      ...(input.anonymous
        ? [liveEvent('session_question.mine', event.community_id, { eventId: event.id, key, questionId: id }, [person.personId])]
        : []),
    ]);
    return question;
  }

  async vote(actor: Actor, questionId: string, on: boolean): Promise<SessionQuestion> {
    const { person, event, key, resource } = await this.load(actor, questionId);
    authorize(person, 'event.ask', resource);
    await this.db.transaction().execute((tx) => this.questions.vote(questionId, person.personId, on, now(), tx));
    const question = await this.one(person, event, key, questionId);
    await this.announcer.send([
      liveEvent('session_question.voted', event.community_id, { eventId: event.id, key, questionId, votes: question.votes }),
    ]);
    return question;
  }

  /** The presenter's side: the session's presenters and facilitators mark a question answered (or not). */
  async setAnswered(actor: Actor, questionId: string, answered: boolean): Promise<SessionQuestion> {
    const { person, event, key, resource, row } = await this.load(actor, questionId);
    authorize(person, 'event.present', sessionResource(resource, await this.agenda.presents(row.id, person.personId)));
    const at = answered ? now() : null;
    await this.db.transaction().execute((tx) => this.questions.setAnswered(questionId, at, tx));
    await this.announcer.send([
      liveEvent('session_question.answered', event.community_id, { eventId: event.id, key, questionId, answeredAt: at }),
    ]);
    return this.one(person, event, key, questionId);
  }

  private async load(actor: Actor, questionId: string) {
    const occurrenceId = await this.questions.occurrenceOf(questionId);
    if (!occurrenceId) throw notFound('session_question.not_found', 'No such question.');
    return this.access.occurrenceById(actor, occurrenceId).catch((error: { code?: string }) => {
      throw error.code === 'event.not_found' ? notFound('session_question.not_found', 'No such question.') : error;
    });
  }

  private async one(person: PersonActor, event: EventWithCommunity, key: string, id: string): Promise<SessionQuestion> {
    const row = await this.questions.find(id, person.personId);
    if (!row) throw notFound('session_question.not_found', 'No such question.');
    return (await this.present(event.id, key, [row]))[0] as SessionQuestion;
  }

  private async present(eventId: string, key: string, rows: QuestionRow[]): Promise<SessionQuestion[]> {
    const people = await this.people.summaries(rows.flatMap((r) => (r.public_author_id ? [r.public_author_id] : [])));
    return rows.map((r) => ({
      id: r.id,
      eventId,
      key,
      body: r.body,
      author: authorOf(r.public_author_id, people),
      isMine: Boolean(r.is_mine),
      votes: r.vote_count,
      myVote: Boolean(r.my_vote),
      answeredAt: r.answered_at,
      threadId: r.thread_id,
      createdAt: r.created_at,
    }));
  }
}

function authorOf(publicAuthorId: string | null, people: Map<string, PersonSummary>): SessionQuestion['author'] {
  const person = publicAuthorId ? people.get(publicAuthorId) : undefined;
  return person ? { anonymous: false, person } : { anonymous: true };
}

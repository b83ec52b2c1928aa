import type { QuestionsToThreadsResult } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { AppError, conflict } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { ThreadsService } from '../conversations/index.ts';
import type { AgendaRepository } from './agenda.repository.ts';
import { type EventAccess, sessionResource } from './event-access.ts';
import { liveEvent } from './events.events.ts';
import type { EventWithCommunity } from './events.repository.ts';
import { effective } from './present.ts';
import type { QuestionsRepository } from './questions.repository.ts';
import type { QuestionsService } from './questions.service.ts';

const TITLE_LENGTH = 120;

/** The question's first line, cut at a word near TITLE_LENGTH: a thread title, not the whole question. */
export function threadTitleOf(body: string): string {
  const line = (body.split('\n').find((l) => l.trim()) ?? body).replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.slice(0, TITLE_LENGTH - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > TITLE_LENGTH / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** The question as asked, and where it was asked: the link back to the session's page. */
function threadBodyOf(question: string, event: EventWithCommunity, key: string, title: string): string {
  const when = `${key.replace('T', ' ')} (${event.tz})`;
  const label = title.replace(/[[\]\\]/g, '\\$&');
  return `${question.trim()}\n\n---\n\n*Asked during [${label}](/events/${event.id}/occurrences/${key}), ${when}, and still open after the session.*`;
}

/**
 * After a session, its unanswered live questions become question threads, so the community
 * can still answer them. Each thread is started *in its asker's name* through the
 * conversations room, exactly as if they had asked it there: an anonymous question becomes an
 * anonymous thread (the asker keeps their rights over it and nobody else learns who asked), and
 * an asker who can no longer post in the community (they left) is not spoken for: their question
 * is skipped. Idempotent: a question that already has a thread is never threaded again; requests
 * for the same session are taken one at a time, and the question's link is set only if still empty.
 */
export class QuestionThreadsService {
  /** Per session: the request in progress, so a double click cannot start each thread twice. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly questions: QuestionsRepository,
    private readonly questionsService: QuestionsService,
    private readonly agenda: AgendaRepository,
    private readonly threads: ThreadsService,
    private readonly announcer: EventSender,
  ) {}

  async toThreads(actor: Actor, eventId: string, key: string): Promise<QuestionsToThreadsResult> {
    const { person, event, resource, row } = await this.access.occurrence(actor, eventId, key);
    const presenter = row ? await this.agenda.presents(row.id, person.personId) : false;
    authorize(person, 'event.present', sessionResource(resource, presenter));
    const session = effective(event, key, row);
    if (session.startsAt.getTime() > Date.now()) {
      throw conflict('occurrence.not_started', 'Questions can become threads once the session has started.');
    }
    if (!row) return { created: 0, skipped: 0, questions: [] };
    const counts = await this.oneAtATime(row.id, () => this.threadAll(event, key, session.title, row.id));
    return { ...counts, questions: await this.questionsService.list(person, eventId, key) };
  }

  private async threadAll(event: EventWithCommunity, key: string, title: string, occurrenceId: string) {
    let created = 0;
    let skipped = 0;
    for (const q of await this.questions.unansweredWithoutThread(occurrenceId)) {
      // Acting as the asker: the conversations room then applies its own rules to them (an active
      // member may start a thread; only questions may be anonymous) and tells only them it is theirs.
      const asker: PersonActor = { kind: 'person', personId: q.author_id, orgRole: 'member', via: 'session' };
      let threadId: string;
      try {
        const thread = await this.threads.create(asker, event.community_slug, {
          kind: 'question',
          title: threadTitleOf(q.body),
          tags: [],
          body: threadBodyOf(q.body, event, key, title),
          anonymous: q.anonymous === 1,
        });
        threadId = thread.id;
      } catch (error) {
        if (error instanceof AppError && (error.status === 403 || error.status === 404)) {
          skipped++;
          continue;
        }
        throw error;
      }
      const linked = await this.db.transaction().execute((tx) => this.questions.setThread(q.id, threadId, tx));
      if (!linked) continue;
      created++;
      await this.announcer.send([
        liveEvent('session_question.threaded', event.community_id, { eventId: event.id, key, questionId: q.id, threadId }),
      ]);
    }
    return { created, skipped };
  }

  private async oneAtATime<T>(occurrenceId: string, work: () => Promise<T>): Promise<T> {
    const before = this.inFlight.get(occurrenceId) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(work);
    this.inFlight.set(occurrenceId, run);
    try {
      return await run;
    } finally {
      if (this.inFlight.get(occurrenceId) === run) this.inFlight.delete(occurrenceId);
    }
  }
}

import type { CaptureInput, KnowledgePage, OccurrenceReflections, PageKind, PageOrigin, Post, Thread } from '@guildhall/shared';
import { AppError, conflict } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import type { ThreadsService } from '../conversations/index.ts';
import type { OccurrencesService, ReflectionsService } from '../events/index.ts';
import { occurrenceCapture, threadCapture } from './capture-content.ts';
import type { CreatePageService } from './create-page.service.ts';
import { asPageTitle, paths, titleKey } from './naming.ts';
import { communityResource, type KnowledgeAccess, type VisibleCommunity } from './page-access.ts';
import type { PagesRepository } from './pages.repository.ts';
import type { PagePresenter } from './present.ts';

/** What the conversations and events rooms answer, through their doors; nothing more is read. */
type ThreadSource = Pick<ThreadsService, 'get'>;
type SessionSource = Pick<OccurrencesService, 'get'>;
type ReflectionSource = Pick<ReflectionsService, 'ofOccurrence'>;

/**
 * "Save as knowledge": a draft page of the fitting kind, prefilled from a question and its
 * accepted answer, a solved challenge, or a session's notes and reflections, linking back to its
 * source (`origin`). The draft is its capturer's until they publish it.
 */
export class CaptureService {
  constructor(
    private readonly access: KnowledgeAccess,
    private readonly pages: PagesRepository,
    private readonly creator: CreatePageService,
    private readonly presenter: PagePresenter,
    private readonly threads: ThreadSource,
    private readonly sessions: SessionSource,
    private readonly reflections: ReflectionSource,
  ) {}

  async fromThread(actor: Actor, threadId: string, input: CaptureInput): Promise<KnowledgePage> {
    const thread = await this.threads.get(actor, threadId);
    const { person, community } = await this.writableCommunity(actor, thread.community.slug);
    const answer = this.settledAnswer(thread);
    // Capturing under one's own name what one wrote anonymously would unmask it: owner and first
    // revision name the capturer, next to the text.
    if ((thread.firstPost.author.anonymous && thread.firstPost.isMine) || (answer.author.anonymous && answer.isMine)) {
      throw conflict(
        'capture.would_reveal_author',
        'You wrote part of this anonymously; capturing it under your name would reveal that. Ask another member to capture it.',
      );
    }
    const kind: PageKind = input.kind ?? (thread.kind === 'question' ? 'best-practice' : 'lesson-learned');
    const link = paths.thread(thread.id);
    const origin: PageOrigin = { type: thread.kind === 'question' ? 'thread' : 'challenge', id: thread.id, title: thread.title, link };
    return this.capture(person, community, {
      title: input.title ?? (await this.freeTitle(community.id, thread.title)),
      kind,
      bodySource: threadCapture(thread, answer, kind, link),
      tags: thread.tags,
      origin,
    });
  }

  async fromOccurrence(actor: Actor, eventId: string, key: string, input: CaptureInput): Promise<KnowledgePage> {
    const occurrence = await this.sessions.get(actor, eventId, key);
    const { person, community } = await this.writableCommunity(actor, occurrence.community.slug);
    const reflections = await this.reflectionsIfAllowed(person, eventId, key);
    const kind: PageKind = input.kind ?? (occurrence.format === 'journal-club' ? 'reading-notes' : 'lesson-learned');
    const link = paths.occurrence(eventId, key);
    const origin: PageOrigin = { type: 'occurrence', id: `${eventId}/${key}`, title: occurrence.title, link };
    return this.capture(person, community, {
      title: input.title ?? (await this.freeTitle(community.id, `${occurrence.title} — ${occurrence.start.slice(0, 10)}`)),
      kind,
      bodySource: occurrenceCapture(occurrence, reflections, kind, link),
      tags: [],
      origin,
    });
  }

  private async capture(
    person: PersonActor,
    community: VisibleCommunity,
    page: { title: string; kind: PageKind; bodySource: string; tags: string[]; origin: PageOrigin },
  ): Promise<KnowledgePage> {
    const id = await this.creator.write(person, community, {
      ...page,
      parentId: null,
      status: 'draft',
      summary: `Captured from “${page.origin.title}”`,
      ownerId: person.personId,
    });
    return this.presenter.page(person, (await this.access.page(person, id)).page);
  }

  private async writableCommunity(actor: Actor, slug: string) {
    const loaded = await this.access.community(actor, slug);
    authorize(loaded.person, 'page.create', communityResource(loaded.community));
    return loaded;
  }

  /** A question's accepted answer, or the post that solved a challenge, still shown. */
  private settledAnswer(thread: Thread): Post {
    const answer = thread.acceptedAnswer;
    if (thread.kind === 'discussion') {
      throw conflict('capture.unsupported_thread', 'Capture a question with an accepted answer, or a solved challenge.');
    }
    if (thread.kind === 'question' && answer?.status !== 'visible') {
      throw conflict('capture.no_accepted_answer', 'Accept an answer first: the page is the question and its accepted answer.');
    }
    if (thread.kind === 'challenge' && (thread.state !== 'solved' || answer?.status !== 'visible')) {
      throw conflict('capture.not_solved', 'Mark the challenge solved first: the page is the problem and its solution.');
    }
    return answer as Post;
  }

  /** Individual reflections are for facilitators; anyone else captures the notes alone. */
  private async reflectionsIfAllowed(person: PersonActor, eventId: string, key: string): Promise<OccurrenceReflections | null> {
    try {
      return await this.reflections.ofOccurrence(person, eventId, key);
    } catch (error) {
      if (error instanceof AppError && error.status === 403) return null;
      throw error;
    }
  }

  /** The source's title, numbered when a page already has it: "Title (2)". */
  private async freeTitle(communityId: string, source: string): Promise<string> {
    const base = asPageTitle(source);
    for (let n = 1; n <= 50; n++) {
      const title = n === 1 ? base : `${base} (${n})`;
      if (!(await this.pages.findByKey(communityId, titleKey(title)))) return title;
    }
    return `${base} (${Date.now()})`;
  }
}

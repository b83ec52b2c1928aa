import type {
  CreateThreadInput,
  Page,
  ReadPosition,
  Thread,
  ThreadKind,
  ThreadListQuery,
  ThreadState,
  ThreadSummary,
  UpdateThreadInput,
} from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, can, requirePerson } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { newId, now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import { type ConversationAccess, communityResource, type ThreadRow, threadResource } from './conversation-access.ts';
import { event } from './conversations.events.ts';
import type { MentionsRepository } from './mentions.repository.ts';
import type { PostsRepository } from './posts.repository.ts';
import { type Presenter, toPublicPost, toPublicThread } from './present.ts';
import { renderPost } from './render-post.ts';
import type { ThreadsRepository } from './threads.repository.ts';

const INITIAL_STATE: Record<ThreadKind, ThreadState | null> = { discussion: null, question: 'unanswered', challenge: 'open' };

const unique = (tags: string[]) => [...new Set(tags)];

export class ThreadsService {
  constructor(
    private readonly db: DB,
    private readonly access: ConversationAccess,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly mentions: MentionsRepository,
    private readonly presenter: Presenter,
    private readonly events: EventSender,
  ) {}

  /** One community's threads (pinned first), or those of every community the person can read. */
  async list(actor: Actor, query: ThreadListQuery): Promise<Page<ThreadSummary>> {
    const person = requirePerson(actor);
    const communityId = query.community ? (await this.access.community(person, query.community)).community.id : undefined;
    const after = decodeCursor(query.cursor, communityId ? 3 : 2);
    const rows = await this.threads.list(person, {
      communityId,
      kind: query.kind,
      state: query.state,
      tag: query.tag || undefined,
      after,
      limit: query.limit,
    });
    const page = pageFrom(
      rows,
      query.limit,
      (r) => r,
      (r) => (communityId ? [r.pinned, r.last_activity_at, r.id] : [r.last_activity_at, r.id]),
    );
    return { items: await this.presenter.threadSummaries(page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, threadId: string): Promise<Thread> {
    const { person, thread } = await this.access.thread(actor, threadId);
    return this.present(person, thread);
  }

  /** Starts a thread; its body is the first post. Only questions may be asked anonymously. */
  async create(actor: Actor, slug: string, input: CreateThreadInput): Promise<Thread> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'thread.create', communityResource(community));
    if (input.anonymous && input.kind !== 'question') {
      throw badRequest('thread.anonymous_questions_only', 'Only questions can be asked anonymously.', [
        { field: 'anonymous', message: 'Only questions can be anonymous' },
      ]);
    }
    const tags = unique(input.tags);
    const rendered = renderPost(input.body);
    const threadId = newId();
    const postId = newId();
    const at = now();
    const anonymous = input.anonymous ? 1 : 0;
    let mentionedIds: string[] = [];
    await this.db.transaction().execute(async (tx) => {
      await this.threads.insert(
        {
          id: threadId,
          community_id: community.id,
          kind: input.kind,
          title: input.title,
          state: INITIAL_STATE[input.kind],
          author_id: person.personId,
          anonymous,
          pinned: 0,
          locked: 0,
          first_post_id: postId,
          accepted_post_id: null,
          post_count: 1,
          last_activity_at: at,
          first_answer_at: null,
          accepted_at: null,
          created_at: at,
          updated_at: at,
        },
        tags,
        tx,
      );
      await this.posts.insert(
        {
          id: postId,
          thread_id: threadId,
          seq: 1,
          author_id: person.personId,
          anonymous,
          body: input.body,
          body_html: rendered.html,
          quoted_post_id: null,
          version: 1,
          created_at: at,
          edited_at: null,
          deleted_at: null,
          hidden_at: null,
        },
        tx,
      );
      mentionedIds = await this.mentions.replace(postId, rendered.mentionIds, at, tx);
      // One has read what one just wrote.
      await this.threads.markRead(person.personId, threadId, { seq: 1, postId }, at, tx);
    });
    const thread = await this.get(person, threadId);
    await this.events.send([
      event('thread.created', community.id, { threadId, thread: toPublicThread(thread) }),
      event('post.created', community.id, { threadId, postId, post: toPublicPost(thread.firstPost), mentionedIds }),
      ...(anonymous ? [event('post.mine', community.id, { threadId, postId }, [person.personId])] : []),
    ]);
    return thread;
  }

  /** Title and tags; by whoever started the thread, or a facilitator. */
  async edit(actor: Actor, threadId: string, input: UpdateThreadInput): Promise<Thread> {
    const { person, thread, resource } = await this.access.thread(actor, threadId);
    authorize(person, 'thread.edit', resource);
    await this.db.transaction().execute(async (tx) => {
      await this.threads.update(thread.id, { ...(input.title !== undefined && { title: input.title }), updated_at: now() }, tx);
      if (input.tags !== undefined) await this.threads.setTags(thread.id, unique(input.tags), tx);
    });
    return this.refreshed(person, thread.id);
  }

  /** "I have read up to here": moves the person's read position forward, never back. */
  async markRead(actor: Actor, threadId: string, postId: string): Promise<ReadPosition> {
    const { person, thread } = await this.access.thread(actor, threadId);
    const post = await this.posts.locate(postId);
    if (!post || post.thread_id !== thread.id) {
      throw badRequest('thread.post_not_in_thread', 'That post is not in this thread.', [
        { field: 'postId', message: 'Not a post of this thread' },
      ]);
    }
    await this.threads.markRead(person.personId, thread.id, { seq: post.seq, postId: post.id }, now());
    const { thread: after } = await this.access.thread(person, thread.id);
    return {
      threadId: thread.id,
      lastReadPostId: after.last_read_post_id,
      unreadCount: Math.max(0, after.post_count - (after.last_read_seq ?? 0)),
    };
  }

  /**
   * The thread as the person sees it now, after a committed change, and the same change
   * announced to every reader of its community.
   */
  async refreshed(person: PersonActor, threadId: string): Promise<Thread> {
    const thread = await this.get(person, threadId);
    await this.events.send([event('thread.updated', thread.community.id, { threadId: thread.id, thread: toPublicThread(thread) })]);
    return thread;
  }

  /** The thread page's header: the opening post and, for questions, the accepted answer right under it. */
  async present(person: PersonActor, thread: ThreadRow): Promise<Thread> {
    const resource = threadResource(thread);
    const ids = [thread.first_post_id, ...(thread.accepted_post_id ? [thread.accepted_post_id] : [])];
    const rows = await this.posts.findMany(ids, person.personId);
    const context = { facts: resource, acceptedPostId: thread.accepted_post_id };
    const posts = new Map((await this.presenter.posts(person, rows, () => context)).map((p) => [p.id, p]));
    const [summary] = await this.presenter.threadSummaries([thread]);
    const firstPost = posts.get(thread.first_post_id);
    if (!summary || !firstPost) throw new Error(`thread ${thread.id} has no first post`);
    const resolve = thread.kind === 'question' ? 'thread.accept' : 'thread.progress';
    return {
      ...summary,
      firstPost,
      acceptedAnswer: (thread.accepted_post_id && posts.get(thread.accepted_post_id)) || null,
      lastReadPostId: thread.last_read_post_id,
      canReply: can(person, 'post.create', resource),
      canEdit: can(person, 'thread.edit', resource),
      canResolve: thread.kind !== 'discussion' && can(person, resolve, resource),
      canModerate: can(person, 'thread.moderate', resource),
    };
  }
}

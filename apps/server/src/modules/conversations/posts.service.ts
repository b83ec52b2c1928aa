import type { CreatePostInput, Page, PageQuery, Post, PostListQuery, PostRevision, UpdatePostInput } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { newId, now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import { type ConversationAccess, type PostWithFacts, postResourceOf, type ThreadRow, threadResource } from './conversation-access.ts';
import { event } from './conversations.events.ts';
import type { MentionsRepository } from './mentions.repository.ts';
import type { PostsRepository } from './posts.repository.ts';
import { type Presenter, type ThreadContext, toPublicPost } from './present.ts';
import { renderPost } from './render-post.ts';
import type { ThreadPageCache } from './thread-page-cache.ts';
import type { ThreadsRepository } from './threads.repository.ts';
import type { ThreadsService } from './threads.service.ts';

export const contextOfThread = (thread: ThreadRow): ThreadContext => ({
  facts: threadResource(thread),
  acceptedPostId: thread.accepted_post_id,
});

export const contextOfPost = (post: PostWithFacts): ThreadContext => ({
  facts: postResourceOf(post),
  acceptedPostId: post.accepted_post_id,
});

export class PostsService {
  constructor(
    private readonly db: DB,
    private readonly access: ConversationAccess,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly mentions: MentionsRepository,
    private readonly presenter: Presenter,
    private readonly threadService: ThreadsService,
    private readonly events: EventSender,
    private readonly pages: ThreadPageCache,
  ) {}

  /**
   * A page of replies, oldest first, as UTF-8 JSON; `after` a post id starts right after it ("new since
   * your last visit"). Served from the thread page cache, which keeps pages while the thread's
   * revision stands; the thread itself, with the reader's membership, is read every time.
   */
  async list(actor: Actor, threadId: string, query: PostListQuery): Promise<Buffer> {
    const { person, thread } = await this.access.thread(actor, threadId);
    let after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    if (!after && query.after) {
      const anchor = await this.posts.locate(query.after);
      if (!anchor || anchor.thread_id !== thread.id) {
        throw badRequest('thread.post_not_in_thread', 'That post is not in this thread.', [
          { field: 'after', message: 'Not a post of this thread' },
        ]);
      }
      after = [anchor.created_at, anchor.id];
    }
    const key = { threadId: thread.id, revision: thread.revision, after, limit: query.limit };
    return this.pages.render(person, contextOfThread(thread), key, async () => {
      const rows = await this.posts.page(thread.id, after, query.limit);
      const page = pageFrom(
        rows,
        query.limit,
        (r) => r,
        (r) => [r.created_at, r.id],
      );
      return { rows: page.items, nextCursor: page.nextCursor };
    });
  }

  async get(actor: Actor, postId: string): Promise<Post> {
    const { person, post } = await this.access.post(actor, postId);
    return this.present(person, post);
  }

  /**
   * Replies in a thread. The thread's post count, activity time and (for a question answered
   * by someone other than the asker) first-answer time change in the same transaction.
   */
  async reply(actor: Actor, threadId: string, input: CreatePostInput): Promise<Post> {
    const { person, thread, resource } = await this.access.thread(actor, threadId);
    authorize(person, 'post.create', resource);
    if (input.quotedPostId) {
      const quoted = await this.posts.locate(input.quotedPostId);
      if (!quoted || quoted.thread_id !== thread.id) {
        throw badRequest('post.quote_not_in_thread', 'A reply can only quote a post of the same thread.', [
          { field: 'quotedPostId', message: 'Not a post of this thread' },
        ]);
      }
    }
    const rendered = renderPost(input.body);
    const postId = newId();
    const anonymous = input.anonymous ? 1 : 0;
    // The asker's own replies are not answers. For an anonymous question any reply counts:
    // otherwise a signed reply that left firstAnswerAt empty would unmask the asker.
    const answersQuestion = thread.kind === 'question' && (Boolean(thread.anonymous) || !thread.is_mine);
    let mentionedIds: string[] = [];
    await this.db.transaction().execute(async (tx) => {
      const seq = await this.threads.countPost(thread.id, tx);
      if (seq === undefined) throw notFound('thread.not_found', 'No such thread.');
      // Stamped after the count took the thread's row lock, so time order and position agree.
      const createdAt = now();
      await this.threads.touch(thread.id, createdAt, answersQuestion, tx);
      await this.posts.insert(
        {
          id: postId,
          thread_id: thread.id,
          seq,
          author_id: person.personId,
          anonymous,
          body: input.body,
          body_html: rendered.html,
          quoted_post_id: input.quotedPostId ?? null,
          version: 1,
          created_at: createdAt,
          edited_at: null,
          deleted_at: null,
          hidden_at: null,
        },
        tx,
      );
      mentionedIds = await this.mentions.replace(postId, rendered.mentionIds, createdAt, tx);
      await this.threads.markRead(person.personId, thread.id, { seq, postId }, createdAt, tx);
    });
    const { post: saved } = await this.access.post(person, postId);
    const post = await this.present(person, saved);
    await this.events.send([
      event('post.created', thread.community_id, {
        threadId: thread.id,
        postId,
        // A new post is visible and unreacted, so the author's view minus its viewer fields is everyone's.
        post: toPublicPost(post),
        mentionedIds,
      }),
      ...(anonymous ? [event('post.mine', thread.community_id, { threadId: thread.id, postId }, [person.personId])] : []),
    ]);
    return post;
  }

  /** Only the author edits; the replaced version is kept as a revision anyone who can read the post may see. */
  async edit(actor: Actor, postId: string, input: UpdatePostInput): Promise<Post> {
    const { person, post, resource } = await this.access.post(actor, postId);
    authorize(person, 'post.edit', resource);
    if (post.deleted_at) throw conflict('post.deleted', 'This post was deleted; it can no longer be edited.');
    const stale = () => conflict('post.version_conflict', 'This post changed since you opened it. Reload it and apply your edit again.');
    if (post.version !== input.version) throw stale();
    const rendered = renderPost(input.body);
    const at = now();
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.posts.editIfVersion(post.id, input.version, { body: input.body, body_html: rendered.html, at }, tx))) throw stale();
      await this.mentions.replace(post.id, rendered.mentionIds, post.created_at, tx);
    });
    const { post: saved } = await this.access.post(person, postId);
    await this.events.send([
      event('post.updated', saved.community_id, {
        threadId: saved.thread_id,
        postId: saved.id,
        post: await this.presenter.publicPost(saved, contextOfPost(saved)),
      }),
    ]);
    return this.present(person, saved);
  }

  /**
   * Soft delete by the author: the post keeps its place (and the thread its counts) as a
   * tombstone. A deleted accepted answer or solution no longer answers the thread.
   */
  async remove(actor: Actor, postId: string): Promise<void> {
    const { person, post, resource } = await this.access.post(actor, postId);
    authorize(person, 'post.delete', resource);
    if (post.deleted_at) return;
    const unaccepts = post.accepted_post_id === post.id;
    await this.db.transaction().execute(async (tx) => {
      await this.posts.setDeleted(post.id, now(), tx);
      if (unaccepts) {
        await this.threads.update(
          post.thread_id,
          {
            accepted_post_id: null,
            accepted_at: null,
            state: post.thread_kind === 'question' ? 'unanswered' : 'being-worked',
            updated_at: now(),
          },
          tx,
        );
      }
    });
    await this.events.send([event('post.deleted', post.community_id, { threadId: post.thread_id, postId: post.id })]);
    if (unaccepts) await this.threadService.refreshed(person, post.thread_id);
  }

  /** Earlier versions of a post, newest first, for whoever may read its body. */
  async revisions(actor: Actor, postId: string, query: PageQuery): Promise<Page<PostRevision>> {
    const { person, post, resource } = await this.access.post(actor, postId);
    const bodyVisible = !post.deleted_at && (!post.hidden_at || can(person, 'post.see_hidden', resource));
    if (!bodyVisible) throw notFound('post.not_found', 'That post is no longer shown, nor is its history.');
    const before = decodeCursor(query.cursor, 1)?.[0];
    const rows = await this.posts.revisions(post.id, typeof before === 'number' ? before : undefined, query.limit);
    return pageFrom(
      rows,
      query.limit,
      (r) => ({ version: r.version, body: r.body, bodyHtml: r.body_html, createdAt: r.created_at }),
      (r) => [r.version],
    );
  }

  async present(person: PersonActor, post: PostWithFacts): Promise<Post> {
    const [presented] = await this.presenter.posts(person, [post], () => contextOfPost(post));
    if (!presented) throw new Error('presenting a post gave nothing');
    return presented;
  }
}

import type { Flag, FlaggedPost, ModerateThreadInput, Page, PageQuery, Post, Thread } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import { badRequest, conflict } from '../../errors.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import { type ConversationAccess, communityResource, type PostWithFacts } from './conversation-access.ts';
import { event } from './conversations.events.ts';
import type { FlagResolution, FlagsRepository } from './flags.repository.ts';
import type { PostsRepository } from './posts.repository.ts';
import { contextOfPost, type PostsService } from './posts.service.ts';
import type { Presenter, ThreadContext } from './present.ts';
import type { ThreadsRepository } from './threads.repository.ts';
import type { ThreadsService } from './threads.service.ts';

/**
 * Flags, the facilitators' queue, hiding and restoring posts, pinning, locking and moving
 * threads. Every moderator action is audited in the transaction that makes it. Audit entries
 * name the moderator and the post or thread, never a post's author: an anonymous author
 * stays anonymous to admins reading the log.
 */
export class ModerationService {
  constructor(
    private readonly db: DB,
    private readonly access: ConversationAccess,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly flags: FlagsRepository,
    private readonly presenter: Presenter,
    private readonly threadService: ThreadsService,
    private readonly postService: PostsService,
    private readonly events: EventSender,
  ) {}

  /** Anyone who can read a post may flag it, once. */
  async flag(actor: Actor, postId: string, reason: string): Promise<Flag> {
    const { person, post, resource } = await this.access.post(actor, postId);
    authorize(person, 'post.flag', resource);
    if (post.deleted_at) throw conflict('post.unavailable', 'This post is no longer shown.');
    if (await this.flags.exists(post.id, person.personId)) throw conflict('flag.duplicate', 'You have already flagged this post.');
    const at = now();
    await this.flags.insert({ postId: post.id, personId: person.personId, reason, at });
    return { postId: post.id, reason, createdAt: at };
  }

  /** A community's posts with open flags, the longest-waiting first. */
  async queue(actor: Actor, slug: string, query: PageQuery): Promise<Page<FlaggedPost>> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'post.moderate', communityResource(community));
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const page = pageFrom(
      await this.flags.queue(community.id, after, query.limit),
      query.limit,
      (r) => r,
      (r) => [r.first_flagged_at, r.post_id],
    );
    const postIds = page.items.map((r) => r.post_id);
    const [rows, threads, reasons] = await Promise.all([
      this.posts.findMany(postIds, person.personId),
      this.threads.contexts([...new Set(page.items.map((r) => r.thread_id))], person.personId),
      this.flags.openReasons(postIds),
    ]);
    const contexts = new Map<string, ThreadContext>(
      threads.map((t) => [
        t.id,
        {
          facts: communityScoped(communityResource(community), { isAuthor: Boolean(t.is_mine), locked: Boolean(t.locked) }),
          acceptedPostId: t.accepted_post_id,
        },
      ]),
    );
    const posts = await this.presenter.posts(person, rows, (row) => contexts.get(row.thread_id) ?? noContext(communityResource(community)));
    const byId = new Map(posts.map((p) => [p.id, p]));
    const items = page.items.flatMap((r) => {
      const post = byId.get(r.post_id);
      if (!post) return [];
      return [
        {
          post,
          thread: { id: r.thread_id, title: r.thread_title },
          flagCount: r.flag_count,
          reasons: reasons.filter((f) => f.post_id === r.post_id).map((f) => f.reason),
          firstFlaggedAt: r.first_flagged_at,
        },
      ];
    });
    return { items, nextCursor: page.nextCursor };
  }

  /** Hides a post from everyone but its author and the moderators; its open flags are settled. */
  async hide(actor: Actor, postId: string, reason: string | undefined): Promise<Post> {
    const { person, post, resource } = await this.access.post(actor, postId);
    authorize(person, 'post.moderate', resource);
    if (post.deleted_at) throw conflict('post.unavailable', 'This post was deleted by its author.');
    if (post.hidden_at) return this.postService.present(person, post);
    return this.changeVisibility(person, post, now(), 'hidden', 'post.hide', reason);
  }

  async restore(actor: Actor, postId: string): Promise<Post> {
    const { person, post, resource } = await this.access.post(actor, postId);
    authorize(person, 'post.moderate', resource);
    if (!post.hidden_at || post.deleted_at) return this.postService.present(person, post);
    return this.changeVisibility(person, post, null, 'restored', 'post.restore');
  }

  /** The flags were unfounded: the post stays as it is and leaves the queue. */
  async dismissFlags(actor: Actor, postId: string): Promise<void> {
    const { person, post, resource } = await this.access.post(actor, postId);
    authorize(person, 'post.moderate', resource);
    await this.db.transaction().execute(async (tx) => {
      const settled = await this.flags.resolve(post.id, 'dismissed', now(), tx);
      if (settled > 0) await this.audit(tx, person, 'post.flags_dismiss', 'post', post.id, { ...where(post), flags: settled });
    });
  }

  /** Pin or unpin, lock or unlock. */
  async moderateThread(actor: Actor, threadId: string, input: ModerateThreadInput): Promise<Thread> {
    const { person, thread, resource } = await this.access.thread(actor, threadId);
    authorize(person, 'thread.moderate', resource);
    const changes = {
      ...(input.pinned !== undefined && Boolean(thread.pinned) !== input.pinned && { pinned: input.pinned ? 1 : 0 }),
      ...(input.locked !== undefined && Boolean(thread.locked) !== input.locked && { locked: input.locked ? 1 : 0 }),
    };
    if (Object.keys(changes).length === 0) return this.threadService.get(person, thread.id);
    await this.db.transaction().execute(async (tx) => {
      await this.threads.update(thread.id, { ...changes, updated_at: now() }, tx);
      const detail = { communityId: thread.community_id };
      if (changes.pinned !== undefined)
        await this.audit(tx, person, changes.pinned ? 'thread.pin' : 'thread.unpin', 'thread', thread.id, detail);
      if (changes.locked !== undefined)
        await this.audit(tx, person, changes.locked ? 'thread.lock' : 'thread.unlock', 'thread', thread.id, detail);
    });
    return this.threadService.refreshed(person, thread.id);
  }

  /** Moves a thread into another community the mover facilitates; a pin does not travel with it. */
  async move(actor: Actor, threadId: string, slug: string): Promise<Thread> {
    const { person, thread, resource } = await this.access.thread(actor, threadId);
    authorize(person, 'thread.moderate', resource);
    const { community: target } = await this.access.community(person, slug);
    authorize(person, 'thread.moderate', communityResource(target));
    if (target.id === thread.community_id) {
      throw badRequest('thread.same_community', 'The thread is already in that community.', [
        { field: 'community', message: 'Already there' },
      ]);
    }
    await this.db.transaction().execute(async (tx) => {
      await this.threads.update(thread.id, { community_id: target.id, pinned: 0, updated_at: now() }, tx);
      await this.audit(tx, person, 'thread.move', 'thread', thread.id, { from: thread.community_id, to: target.id });
    });
    await this.events.send([event('thread.updated', thread.community_id, { threadId: thread.id, movedOut: true })]);
    return this.threadService.refreshed(person, thread.id);
  }

  private async changeVisibility(
    person: PersonActor,
    post: PostWithFacts,
    hiddenAt: string | null,
    resolution: FlagResolution,
    action: 'post.hide' | 'post.restore',
    reason?: string,
  ): Promise<Post> {
    await this.db.transaction().execute(async (tx) => {
      await this.posts.setHidden(post.id, hiddenAt, tx);
      const settled = await this.flags.resolve(post.id, resolution, now(), tx);
      await this.audit(tx, person, action, 'post', post.id, { ...where(post), ...(reason && { reason }), flags: settled });
    });
    const { post: saved } = await this.access.post(person, post.id);
    await this.events.send([
      // Readers get the tombstone (or the restored post); the body of a hidden post stays with moderators.
      event('post.updated', saved.community_id, {
        threadId: saved.thread_id,
        postId: saved.id,
        post: await this.presenter.publicPost(saved, contextOfPost(saved)),
      }),
    ]);
    return this.postService.present(person, saved);
  }

  private audit(tx: Tx, person: PersonActor, action: string, targetType: string, targetId: string, detail: Record<string, unknown>) {
    return recordAudit(tx, { actorId: person.personId, action, targetType, targetId, detail });
  }
}

/** Where a post is, for an audit entry: the thread and community, never the author. */
const where = (post: PostWithFacts) => ({ threadId: post.thread_id, communityId: post.community_id });

type CommunityResource = ReturnType<typeof communityResource>;
const communityScoped = (c: CommunityResource, thread: { isAuthor: boolean; locked: boolean }) => ({ community: c.community, thread });
const noContext = (c: CommunityResource): ThreadContext => ({
  facts: communityScoped(c, { isAuthor: false, locked: false }),
  acceptedPostId: null,
});

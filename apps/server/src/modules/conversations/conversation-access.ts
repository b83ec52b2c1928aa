import type { DB, Tx } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, type Resource, requirePerson } from '../../platform/auth/policy.ts';
import type { CommunitiesService } from '../communities/index.ts';
import type { PostsRepository } from './posts.repository.ts';
import type { ThreadsRepository } from './threads.repository.ts';

export type ThreadRow = NonNullable<Awaited<ReturnType<ThreadsRepository['find']>>>;
export type PostWithFacts = NonNullable<Awaited<ReturnType<PostsRepository['findWithFacts']>>>;
export type VisibleCommunity = Awaited<ReturnType<CommunitiesService['visible']>>['community'];

type ThreadResource = Extract<Resource, { type: 'thread' }>;
type PostResource = Extract<Resource, { type: 'post' }>;

export const communityResource = (c: VisibleCommunity) =>
  ({ type: 'community', community: { visibility: c.visibility, membership: c.membership, archived: c.stage === 'archived' } }) as const;

export const threadResource = (t: ThreadRow): ThreadResource => ({
  type: 'thread',
  // A closed community is read-only (policy: community.archived).
  community: { visibility: t.visibility, membership: t.membership, archived: t.community_stage === 'archived' },
  thread: { isAuthor: Boolean(t.is_mine), locked: Boolean(t.locked) },
});

/** A post of a thread whose facts are known (the thread page presents many posts of one thread). */
export const postResource = (
  thread: Pick<ThreadResource, 'community' | 'thread'>,
  post: { is_mine: unknown; deleted_at: string | null; hidden_at: string | null },
): PostResource => ({
  type: 'post',
  community: thread.community,
  thread: thread.thread,
  post: { isAuthor: Boolean(post.is_mine), deleted: post.deleted_at !== null, hidden: post.hidden_at !== null },
});

export const postResourceOf = (p: PostWithFacts): PostResource =>
  postResource(
    {
      community: { visibility: p.visibility, membership: p.membership, archived: p.community_stage === 'archived' },
      thread: { isAuthor: Boolean(p.thread_is_mine), locked: Boolean(p.thread_locked) },
    },
    p,
  );

/**
 * Loads threads and posts for an actor the way every use case needs them: with the facts the
 * policy decides on, answering "not found" alike for what does not exist and what the actor
 * may not see.
 */
export class ConversationAccess {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly communities: CommunitiesService,
  ) {}

  async thread(
    actor: Actor,
    threadId: string,
    db?: DB | Tx,
  ): Promise<{ person: PersonActor; thread: ThreadRow; resource: ThreadResource }> {
    const person = requirePerson(actor);
    const thread = await this.threads.find(threadId, person.personId, db);
    if (!thread) throw notFound('thread.not_found', 'No such thread.');
    const resource = threadResource(thread);
    authorize(person, 'thread.read', resource);
    return { person, thread, resource };
  }

  async post(actor: Actor, postId: string, db?: DB | Tx): Promise<{ person: PersonActor; post: PostWithFacts; resource: PostResource }> {
    const person = requirePerson(actor);
    const post = await this.posts.findWithFacts(postId, person.personId, db);
    if (!post) throw notFound('post.not_found', 'No such post.');
    const resource = postResourceOf(post);
    authorize(person, 'thread.read', resource);
    return { person, post, resource };
  }

  community(actor: Actor, slug: string) {
    return this.communities.visible(actor, slug);
  }
}

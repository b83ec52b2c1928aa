import {
  type PersonSummary,
  POST_TOMBSTONES,
  type Post,
  type PostAuthor,
  type PostStatus,
  type PublicPost,
  PublicThread,
  REACTIONS,
  type ReactionCount,
  type ThreadKind,
  type ThreadState,
  type ThreadSummary,
} from '@guildhall/shared';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { can, type Resource } from '../../platform/auth/policy.ts';
import type { PeopleRepository } from '../people/index.ts';
import { postResource } from './conversation-access.ts';
import type { PostsRepository } from './posts.repository.ts';
import type { ReactionCountRow, ReactionsRepository } from './reactions.repository.ts';

export type PostRow = Awaited<ReturnType<PostsRepository['findMany']>>[number];

/** What presenting a post needs to know about its thread. */
export type ThreadContext = {
  facts: Pick<Extract<Resource, { type: 'thread' }>, 'community' | 'thread'>;
  acceptedPostId: string | null;
};

type ThreadListRow = {
  id: string;
  community_id: string;
  community_slug: string;
  community_name: string;
  kind: ThreadKind;
  title: string;
  tags: string;
  state: ThreadState | null;
  anonymous: number;
  public_author_id: string | null;
  is_mine: unknown;
  pinned: number;
  locked: number;
  post_count: number;
  last_read_seq: number | null;
  last_activity_at: string;
  created_at: string;
  accepted_post_id: string | null;
  first_answer_at: string | null;
  accepted_at: string | null;
};

const EXCERPT_CHARS = 200;

/**
 * The only place rows become payloads. An anonymous row's author is `{ anonymous: true }`
 * whatever else is known: repositories select no author id for it, and this maps nothing else.
 */
export function presentAuthor(publicAuthorId: string | null, people: Map<string, PersonSummary>): PostAuthor {
  const person = publicAuthorId ? people.get(publicAuthorId) : undefined;
  return person ? { anonymous: false, person } : { anonymous: true };
}

export const statusOf = (row: { deleted_at: string | null; hidden_at: string | null }): PostStatus =>
  row.deleted_at ? 'deleted' : row.hidden_at ? 'hidden' : 'visible';

function excerpt(source: string | null): string {
  const text = (source ?? '').replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

export function reactionsOf(rows: ReactionCountRow[]): ReactionCount[] {
  const byReaction = new Map(rows.map((r) => [r.reaction, r]));
  return REACTIONS.flatMap((reaction) => {
    const row = byReaction.get(reaction);
    return row ? [{ reaction, count: row.count, mine: row.mine > 0 }] : [];
  });
}

export function countsByPostOf(counts: ReactionCountRow[]): Map<string, ReactionCountRow[]> {
  const byPost = new Map<string, ReactionCountRow[]>();
  for (const c of counts) byPost.set(c.post_id, [...(byPost.get(c.post_id) ?? []), c]);
  return byPost;
}

/**
 * Posts as `viewer` may see them, from rows and what was read about them (people named, reaction
 * counts with the viewer's own); `viewer` null gives the public payload carried by events.
 */
export function presentPosts(
  viewer: PersonActor | null,
  rows: PostRow[],
  people: Map<string, PersonSummary>,
  countsByPost: Map<string, ReactionCountRow[]>,
  contextOf: (row: PostRow) => ThreadContext,
): Post[] {
  return rows.map((row) => {
    const context = contextOf(row);
    const resource = postResource(context.facts, { ...row, is_mine: viewer !== null && Boolean(row.is_mine) });
    const status = statusOf(row);
    const showBody = status === 'visible' || (status === 'hidden' && viewer !== null && can(viewer, 'post.see_hidden', resource));
    const quotedStatus = row.quoted_post_id ? statusOf({ deleted_at: row.quoted_deleted_at, hidden_at: row.quoted_hidden_at }) : null;
    return {
      id: row.id,
      threadId: row.thread_id,
      author: presentAuthor(row.public_author_id, people),
      status,
      body: showBody ? row.body : '',
      bodyHtml: status === 'visible' || showBody ? row.body_html : POST_TOMBSTONES[status],
      quotedPost:
        row.quoted_post_id && quotedStatus
          ? {
              id: row.quoted_post_id,
              author: presentAuthor(row.quoted_public_author_id, people),
              status: quotedStatus,
              excerpt: quotedStatus === 'visible' ? excerpt(row.quoted_source) : '',
            }
          : null,
      version: row.version,
      createdAt: row.created_at,
      editedAt: row.edited_at,
      ...readerPart(viewer, resource, status, countsByPost.get(row.id) ?? [], row.id === context.acceptedPostId),
    };
  });
}

/** What of a post depends on who reads it (beyond whether a hidden body shows). */
function readerPart(
  viewer: PersonActor | null,
  resource: Extract<Resource, { type: 'post' }>,
  status: PostStatus,
  counts: ReactionCountRow[],
  isAccepted: boolean,
) {
  return {
    isMine: resource.post.isAuthor,
    reactions: status === 'deleted' ? [] : reactionsOf(counts),
    isAccepted,
    canEdit: viewer !== null && status !== 'deleted' && can(viewer, 'post.edit', resource),
  };
}

/**
 * A visible post as `viewer` reads it, from the same post presented to nobody in particular
 * (`presentPosts(null, …)`): who wrote it, the reactions with the viewer's own, acceptance and the
 * right to edit are all that differ between readers of a visible post. The thread page cache
 * keeps the neutral JSON and presents again only the posts for which these differ.
 */
export function visiblePostFor(
  viewer: PersonActor,
  neutral: Post,
  context: ThreadContext,
  isMine: boolean,
  counts: ReactionCountRow[],
): Post {
  const resource = postResource(context.facts, { is_mine: isMine, deleted_at: null, hidden_at: null });
  return { ...neutral, ...readerPart(viewer, resource, 'visible', counts, neutral.id === context.acceptedPostId) };
}

export class Presenter {
  constructor(
    private readonly people: PeopleRepository,
    private readonly reactions: ReactionsRepository,
  ) {}

  /** Posts as `viewer` may see them; `viewer` null gives the public payload carried by events. */
  async posts(viewer: PersonActor | null, rows: PostRow[], contextOf: (row: PostRow) => ThreadContext): Promise<Post[]> {
    const authorIds = rows.flatMap((r) => [r.public_author_id, r.quoted_public_author_id]).filter((id): id is string => id !== null);
    const [people, counts] = await Promise.all([
      this.people.summaries([...new Set(authorIds)]),
      this.reactions.counts(
        rows.map((r) => r.id),
        viewer?.personId ?? null,
      ),
    ]);
    return presentPosts(viewer, rows, people, countsByPostOf(counts), contextOf);
  }

  async publicPost(row: PostRow, context: ThreadContext): Promise<PublicPost> {
    const [post] = await this.posts(null, [row], () => context);
    if (!post) throw new Error('presenting a post gave nothing');
    return toPublicPost(post);
  }

  async threadSummaries(rows: ThreadListRow[]): Promise<ThreadSummary[]> {
    const authorIds = rows.map((r) => r.public_author_id).filter((id): id is string => id !== null);
    const people = await this.people.summaries([...new Set(authorIds)]);
    return rows.map((row) => threadSummary(row, people));
  }
}

function threadSummary(row: ThreadListRow, people: Map<string, PersonSummary>): ThreadSummary {
  return {
    id: row.id,
    community: { id: row.community_id, slug: row.community_slug, name: row.community_name },
    kind: row.kind,
    title: row.title,
    tags: JSON.parse(row.tags) as string[],
    state: row.state,
    author: presentAuthor(row.public_author_id, people),
    isMine: Boolean(row.is_mine),
    pinned: Boolean(row.pinned),
    locked: Boolean(row.locked),
    replyCount: Math.max(0, row.post_count - 1),
    // Positions are 1-based and gap-free, so what is unread is a difference, not a COUNT(*).
    unreadCount: Math.max(0, row.post_count - (row.last_read_seq ?? 0)),
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    acceptedPostId: row.accepted_post_id,
    firstAnswerAt: row.first_answer_at,
    acceptedAt: row.accepted_at,
  };
}

/** The same post for every reader (events); the event schema strips anything viewer-specific again. */
export function toPublicPost({ isMine: _mine, canEdit: _canEdit, ...post }: Post): PublicPost {
  return { ...post, reactions: post.reactions.map(({ mine: _m, ...r }) => r) };
}

/** Picks a thread's public fields (a Thread also carries viewer-specific posts and permissions). */
export const toPublicThread = (thread: ThreadSummary): PublicThread => PublicThread.parse(thread);

import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';
import { PersonSummary } from '../people/index.ts';

export const THREAD_KINDS = ['discussion', 'question', 'challenge'] as const;
export const ThreadKind = z.enum(THREAD_KINDS);
export type ThreadKind = z.infer<typeof ThreadKind>;
export const THREAD_KIND_LABELS: Record<ThreadKind, string> = {
  discussion: 'Discussion',
  question: 'Question',
  challenge: 'Challenge',
};

/** A question is answered once an answer is accepted; replies alone do not answer it. */
export const QUESTION_STATES = ['unanswered', 'answered'] as const;
/** A problem a member brings to the community, worked on until a post solves it. */
export const CHALLENGE_STATES = ['open', 'being-worked', 'solved'] as const;
export const ChallengeState = z.enum(CHALLENGE_STATES);
export type ChallengeState = z.infer<typeof ChallengeState>;
/** Discussions have no state (null). */
export const ThreadState = z.enum([...QUESTION_STATES, ...CHALLENGE_STATES]);
export type ThreadState = z.infer<typeof ThreadState>;
export const THREAD_STATE_LABELS: Record<ThreadState, string> = {
  unanswered: 'Unanswered',
  answered: 'Answered',
  open: 'Open',
  'being-worked': 'Being worked on',
  solved: 'Solved',
};

/** The fixed set of reactions; anything else is refused with `reaction.unknown`. */
export const REACTIONS = ['+1', 'heart', 'tada', 'eyes', 'rocket', 'thinking'] as const;
export const Reaction = z.enum(REACTIONS);
export type Reaction = z.infer<typeof Reaction>;
export const REACTION_EMOJI: Record<Reaction, string> = {
  '+1': '👍',
  heart: '❤️',
  tada: '🎉',
  eyes: '👀',
  rocket: '🚀',
  thinking: '🤔',
};

/** A post's Markdown source is at most 64 KiB of UTF-8. */
export const MAX_POST_BYTES = 64 * 1024;
/** UTF-8 length without TextEncoder, which this package's (DOM-free, Node-free) types lack. */
function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}
// Not trimmed: leading spaces are Markdown (an indented code block).
export const PostBody = z
  .string()
  .max(MAX_POST_BYTES, { message: 'Keep a post under 64 KiB' })
  .refine((s) => s.trim().length > 0, { message: 'Write something first' })
  .refine((s) => utf8Length(s) <= MAX_POST_BYTES, { message: 'Keep a post under 64 KiB' });

export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lowercase letters, digits and single hyphens' });
export const Tags = z.array(Tag).max(5, { message: 'Use at most 5 tags' });

/**
 * Who wrote a post or started a thread. An anonymous author is `{ anonymous: true }` for
 * everyone, facilitators and admins included; only the author learns it is theirs (`isMine`).
 */
export const PostAuthor = z.discriminatedUnion('anonymous', [
  z.object({ anonymous: z.literal(false), person: PersonSummary }),
  z.object({ anonymous: z.literal(true) }),
]);
export type PostAuthor = z.infer<typeof PostAuthor>;

/**
 * visible: as written. hidden: a facilitator hid it (its body reaches only the author and
 * moderators; everyone else gets the tombstone). deleted: its author deleted it (tombstone for all).
 */
export const PostStatus = z.enum(['visible', 'hidden', 'deleted']);
export type PostStatus = z.infer<typeof PostStatus>;
export const POST_TOMBSTONES: Record<Exclude<PostStatus, 'visible'>, string> = {
  hidden: '<p><em>This post was hidden by a facilitator.</em></p>',
  deleted: '<p><em>This post was deleted by its author.</em></p>',
};

export const ReactionCount = z.object({ reaction: Reaction, count: z.number().int(), mine: z.boolean() });
export type ReactionCount = z.infer<typeof ReactionCount>;

/** A short plain-text excerpt of a quoted post, enough to show what a reply answers. */
export const QuotedPost = z.object({ id: Id, author: PostAuthor, status: PostStatus, excerpt: z.string() });
export type QuotedPost = z.infer<typeof QuotedPost>;

export const Post = z.object({
  id: Id,
  threadId: Id,
  author: PostAuthor,
  /** True only for the author, anonymous or not. */
  isMine: z.boolean(),
  status: PostStatus,
  /** Markdown source ('' when the viewer gets the tombstone). */
  body: z.string(),
  /** Sanitised HTML rendered on the server; the tombstone when hidden from the viewer or deleted. */
  bodyHtml: z.string(),
  quotedPost: QuotedPost.nullable(),
  /** Reactions with at least one vote, in REACTIONS order. */
  reactions: z.array(ReactionCount),
  /** The accepted answer of a question, or the post that solved a challenge. */
  isAccepted: z.boolean(),
  /** Send it back when editing; a stale one is refused with 409 `post.version_conflict`. */
  version: z.number().int(),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
  canEdit: z.boolean(),
});
export type Post = z.infer<typeof Post>;

export const ThreadCommunity = z.object({ id: Id, slug: z.string(), name: z.string() });

export const ThreadSummary = z.object({
  id: Id,
  community: ThreadCommunity,
  kind: ThreadKind,
  title: z.string(),
  tags: z.array(z.string()),
  state: ThreadState.nullable(),
  author: PostAuthor,
  isMine: z.boolean(),
  pinned: z.boolean(),
  locked: z.boolean(),
  /** Posts after the first. */
  replyCount: z.number().int(),
  /** Posts (the first included) written since the person last read the thread. */
  unreadCount: z.number().int(),
  lastActivityAt: Timestamp,
  createdAt: Timestamp,
  acceptedPostId: Id.nullable(),
  /** Questions: when someone other than the asker first replied, and when an answer was accepted. */
  firstAnswerAt: Timestamp.nullable(),
  acceptedAt: Timestamp.nullable(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

/** The thread page's header: the opening post and, for questions, the accepted answer right under it. */
export const Thread = ThreadSummary.extend({
  firstPost: Post,
  acceptedAnswer: Post.nullable(),
  /** The last post the person marked read; the UI can start "new since your last visit" after it. */
  lastReadPostId: Id.nullable(),
  canReply: z.boolean(),
  /** Edit title and tags. */
  canEdit: z.boolean(),
  /** Accept an answer (questions) or move the challenge's state (challenges). */
  canResolve: z.boolean(),
  /** Pin, lock, move; hide and restore posts. */
  canModerate: z.boolean(),
});
export type Thread = z.infer<typeof Thread>;

export const CreateThreadInput = z.strictObject({
  kind: ThreadKind,
  title: line(200),
  tags: Tags.default([]),
  body: PostBody,
  /** Only questions may be asked anonymously. */
  anonymous: z.boolean().default(false),
});
export type CreateThreadInput = z.infer<typeof CreateThreadInput>;
export type CreateThreadRequest = z.input<typeof CreateThreadInput>;

export const UpdateThreadInput = z.strictObject({ title: line(200).optional(), tags: Tags.optional() });
export type UpdateThreadInput = z.infer<typeof UpdateThreadInput>;

export const ModerateThreadInput = z.strictObject({ pinned: z.boolean().optional(), locked: z.boolean().optional() });
export type ModerateThreadInput = z.infer<typeof ModerateThreadInput>;

/** The slug of the community to move the thread to (one the mover facilitates). */
export const MoveThreadInput = z.strictObject({ community: z.string().trim().min(1).max(100) });
export type MoveThreadInput = z.infer<typeof MoveThreadInput>;

export const AcceptAnswerInput = z.strictObject({ postId: Id });
export type AcceptAnswerInput = z.infer<typeof AcceptAnswerInput>;

/** `solved` names the post that solved it; the other states take no post. */
export const ChallengeStateInput = z.strictObject({ state: ChallengeState, postId: Id.optional() });
export type ChallengeStateInput = z.infer<typeof ChallengeStateInput>;

export const ThreadSort = z.enum(['activity']);
export const ThreadListQuery = z.strictObject({
  /** A community's slug; without it, every community the person can read. */
  community: z.string().max(100).optional(),
  kind: ThreadKind.optional(),
  state: ThreadState.optional(),
  tag: z.string().trim().toLowerCase().max(30).optional(),
  /** Latest activity first; within one community, pinned threads come first. */
  sort: ThreadSort.default('activity'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ThreadListQuery = z.infer<typeof ThreadListQuery>;
export type ThreadListParams = z.input<typeof ThreadListQuery>;

export const PostListQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  /** Start right after this post (e.g. Thread.lastReadPostId); ignored when a cursor is given. */
  after: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PostListQuery = z.infer<typeof PostListQuery>;
export type PostListParams = z.input<typeof PostListQuery>;

export const CreatePostInput = z.strictObject({
  body: PostBody,
  anonymous: z.boolean().default(false),
  /** A post of the same thread this one quotes. */
  quotedPostId: Id.optional(),
});
export type CreatePostInput = z.infer<typeof CreatePostInput>;
export type CreatePostRequest = z.input<typeof CreatePostInput>;

export const UpdatePostInput = z.strictObject({ body: PostBody, version: z.number().int() });
export type UpdatePostInput = z.infer<typeof UpdatePostInput>;

export const PostRevision = z.object({
  version: z.number().int(),
  body: z.string(),
  bodyHtml: z.string(),
  /** When this version was written. */
  createdAt: Timestamp,
});
export type PostRevision = z.infer<typeof PostRevision>;

export const PostReactions = z.object({ postId: Id, reactions: z.array(ReactionCount) });
export type PostReactions = z.infer<typeof PostReactions>;

export const MarkReadInput = z.strictObject({ postId: Id });
export const ReadPosition = z.object({ threadId: Id, lastReadPostId: Id.nullable(), unreadCount: z.number().int() });
export type ReadPosition = z.infer<typeof ReadPosition>;

/** A post that mentions me, in a thread I can still read. */
export const Mention = z.object({
  post: z.object({ id: Id, author: PostAuthor, bodyHtml: z.string(), createdAt: Timestamp }),
  thread: z.object({ id: Id, title: z.string(), kind: ThreadKind }),
  community: ThreadCommunity,
});
export type Mention = z.infer<typeof Mention>;

export const FlagInput = z.strictObject({ reason: line(500) });
export type FlagInput = z.infer<typeof FlagInput>;
export const Flag = z.object({ postId: Id, reason: z.string(), createdAt: Timestamp });
export type Flag = z.infer<typeof Flag>;

/** An entry of a community's moderation queue: a post with open flags, oldest first. Flaggers stay unnamed. */
export const FlaggedPost = z.object({
  post: Post,
  thread: z.object({ id: Id, title: z.string() }),
  flagCount: z.number().int(),
  reasons: z.array(z.string()),
  firstFlaggedAt: Timestamp,
});
export type FlaggedPost = z.infer<typeof FlaggedPost>;

export const HidePostInput = z.strictObject({ reason: line(500).optional() });
export type HidePostInput = z.infer<typeof HidePostInput>;

/**
 * Live-update payloads (SSE, `GET /api/v1/stream`). They are the same for every reader, so
 * they carry no viewer-specific fields; `post.mine` reaches only the author of an anonymous
 * post, so their other tabs can mark it as theirs. An event too large for the bus arrives as
 * its top-level ids with `truncated: true`: fetch `GET /posts/{postId}` or `GET /threads/{threadId}`.
 */
export const PublicPost = Post.omit({ isMine: true, canEdit: true }).extend({
  reactions: z.array(ReactionCount.omit({ mine: true })),
});
export type PublicPost = z.infer<typeof PublicPost>;
export const PublicThread = ThreadSummary.omit({ isMine: true, unreadCount: true });
export type PublicThread = z.infer<typeof PublicThread>;

export const ConversationEvents = {
  'thread.created': z.object({ threadId: Id, thread: PublicThread }),
  /** `movedOut` is sent to the community a thread left; the others carry the thread as it now is. */
  'thread.updated': z.union([z.object({ threadId: Id, thread: PublicThread }), z.object({ threadId: Id, movedOut: z.literal(true) })]),
  'post.created': z.object({ threadId: Id, postId: Id, post: PublicPost, mentionedIds: z.array(Id) }),
  'post.updated': z.object({ threadId: Id, postId: Id, post: PublicPost }),
  'post.deleted': z.object({ threadId: Id, postId: Id }),
  'post.mine': z.object({ threadId: Id, postId: Id }),
  'reaction.changed': z.object({ threadId: Id, postId: Id, reactions: z.array(ReactionCount.omit({ mine: true })) }),
} as const;
export type ConversationEventType = keyof typeof ConversationEvents;

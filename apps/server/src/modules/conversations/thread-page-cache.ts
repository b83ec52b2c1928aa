import type { PersonSummary, Post } from '@guildhall/shared';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/policy.ts';
import type { PeopleRepository } from '../people/index.ts';
import { postResource } from './conversation-access.ts';
import type { PostsRepository } from './posts.repository.ts';
import { presentPosts, type ThreadContext, visiblePostFor } from './present.ts';
import type { ReactionCountRow, ReactionsRepository } from './reactions.repository.ts';

type PageRow = Awaited<ReturnType<PostsRepository['page']>>[number];
type Reactor = { post_id: string; reaction: string; person_id: string };

/** What a page is read from: the same for every reader. */
export type PageData = { rows: PageRow[]; nextCursor: string | null };

export type PageKey = { threadId: string; revision: number; after: [string, string] | undefined; limit: number };

type CachedPost = {
  id: string;
  /** Compared with the reader's id, never presented (see PostsRepository.page). */
  authorId: string;
  reactors: Reactor[];
  /**
   * As presented to a reader who neither wrote it nor reacted to it, as UTF-8 JSON: kept outside
   * the JavaScript heap (the heap grows by a multiple of what lives in it) and written to the
   * socket without encoding it again.
   */
  json: Buffer;
  /** Kept only for hidden and deleted posts, whose body depends on the reader's rights. */
  row: PageRow | null;
};

type Entry = {
  revision: number;
  expiresAt: number;
  bytes: number;
  people: Map<string, PersonSummary>;
  posts: CachedPost[];
  nextCursor: string | null;
};

/**
 * Author names and teams on a cached page may lag a profile edit by this long; everything else
 * on it is exact (see `revision`).
 */
const PEOPLE_TTL_MS = 30_000;
/**
 * Bytes of JSON kept, all pages together (the server's memory budget is 250 MB; this is about
 * 1,500 typical first pages). Least recently used pages go first.
 */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * The thread page (`GET /threads/{id}/posts`) is the most read response of the product, and
 * almost all of it is the same for every reader: rows, author summaries, rendered HTML,
 * reaction counts. This keeps each page as JSON, post by post, as a reader with no relation to
 * its posts gets it; a request then asks the database only for the thread (with the reader's
 * membership, so the policy still decides on fresh facts) and presents again only the posts
 * that differ for this reader: their own, those they reacted to, the accepted answer
 * (`visiblePostFor`), and hidden or deleted ones (`presentPosts`, from the row kept for them).
 *
 * A page is kept with the thread's `revision` (migration 0008: bumped by triggers on every
 * post and reaction write) read before the page was, and used only while that is still the
 * thread's revision. It is therefore never stale, on one instance or many, except for the
 * names of people, which expire after PEOPLE_TTL_MS. Decision 0014.
 */
export class ThreadPageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  private bytes = 0;

  constructor(
    private readonly people: PeopleRepository,
    private readonly reactions: ReactionsRepository,
  ) {}

  /** The page as UTF-8 JSON for `viewer`, who may read the thread (the caller asked the policy). */
  async render(viewer: PersonActor, context: ThreadContext, key: PageKey, read: () => Promise<PageData>): Promise<Buffer> {
    const entry = await this.entry(key, read);
    // Editing is the author's alone today; asking the policy keeps this right if that changes.
    const strangerMayEdit = can(viewer, 'post.edit', postResource(context.facts, { is_mine: false, deleted_at: null, hidden_at: null }));
    const items = entry.posts.map((post) => {
      const mine = post.authorId === viewer.personId;
      const reacted = post.reactors.some((r) => r.person_id === viewer.personId);
      const accepted = post.id === context.acceptedPostId;
      if (post.row) {
        const row = { ...post.row, is_mine: mine };
        const counts = new Map([[post.id, countsOf(post.reactors, viewer.personId)]]);
        return utf8Json(presentPosts(viewer, [row], entry.people, counts, () => context)[0]);
      }
      if (!mine && !reacted && !accepted && !strangerMayEdit) return post.json;
      const neutral = JSON.parse(post.json.toString('utf8')) as Post;
      return utf8Json(visiblePostFor(viewer, neutral, context, mine, countsOf(post.reactors, viewer.personId)));
    });
    const parts: Buffer[] = [ITEMS_OPEN];
    for (const [i, item] of items.entries()) {
      if (i > 0) parts.push(COMMA);
      parts.push(item);
    }
    parts.push(Buffer.from(`],"nextCursor":${JSON.stringify(entry.nextCursor)}}`));
    return Buffer.concat(parts);
  }

  private async entry(key: PageKey, read: () => Promise<PageData>): Promise<Entry> {
    const id = `${key.threadId}|${key.limit}|${key.after?.join('|') ?? ''}`;
    const cached = this.entries.get(id);
    if (cached && cached.revision === key.revision && cached.expiresAt > Date.now()) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(id);
      this.entries.set(id, cached);
      return cached;
    }
    // Fifty readers of one page at once wait for one read, not fifty.
    const loadingId = `${id}|${key.revision}`;
    let pending = this.loading.get(loadingId);
    if (!pending) {
      pending = this.load(key.revision, read).finally(() => this.loading.delete(loadingId));
      this.loading.set(loadingId, pending);
    }
    const entry = await pending;
    this.store(id, entry);
    return entry;
  }

  private async load(revision: number, read: () => Promise<PageData>): Promise<Entry> {
    const expiresAt = Date.now() + PEOPLE_TTL_MS;
    const { rows, nextCursor } = await read();
    const authorIds = rows.flatMap((r) => [r.public_author_id, r.quoted_public_author_id]).filter((id): id is string => id !== null);
    const [people, reactors] = await Promise.all([
      this.people.summaries([...new Set(authorIds)]),
      this.reactions.reactors(rows.map((r) => r.id)),
    ]);
    const reactorsByPost = new Map<string, Reactor[]>();
    for (const r of reactors) reactorsByPost.set(r.post_id, [...(reactorsByPost.get(r.post_id) ?? []), r]);
    const counts = new Map(rows.map((r) => [r.id, countsOf(reactorsByPost.get(r.id) ?? [], null)]));
    // Presented to nobody in particular: not mine, nothing reacted, nothing accepted; the thread's
    // facts are not consulted without a viewer.
    const neutral = presentPosts(null, rows, people, counts, () => ({ facts: NO_FACTS, acceptedPostId: null }));
    // One block per page, not a buffer per post: small buffers are slices of shared 8 KB slabs,
    // and a kept slice would keep its whole slab alive.
    const jsons = neutral.map(utf8Json);
    const bytes = jsons.reduce((sum, json) => sum + json.length, 0);
    const block = Buffer.allocUnsafeSlow(bytes);
    let offset = 0;
    const posts = rows.map((row, i): CachedPost => {
      const json = block.subarray(offset, offset + (jsons[i] as Buffer).copy(block, offset));
      offset += json.length;
      const visible = row.deleted_at === null && row.hidden_at === null;
      return { id: row.id, authorId: row.private_author_id, reactors: reactorsByPost.get(row.id) ?? [], json, row: visible ? null : row };
    });
    return { revision, expiresAt, bytes, people, posts, nextCursor };
  }

  private store(id: string, entry: Entry): void {
    const previous = this.entries.get(id);
    if (previous === entry) return;
    if (previous) {
      this.bytes -= previous.bytes;
      this.entries.delete(id);
    }
    this.entries.set(id, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
    }
  }
}

const ITEMS_OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');
const utf8Json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

const NO_FACTS: ThreadContext['facts'] = {
  community: { visibility: 'open', membership: null, archived: false },
  thread: { isAuthor: false, locked: false },
};

/** Reaction counts of one post as `viewerId` sees them (`mine`). */
function countsOf(reactors: Reactor[], viewerId: string | null): ReactionCountRow[] {
  const byReaction = new Map<string, ReactionCountRow>();
  for (const r of reactors) {
    const row = byReaction.get(r.reaction) ?? { post_id: r.post_id, reaction: r.reaction, count: 0, mine: 0 };
    row.count += 1;
    if (r.person_id === viewerId) row.mine = 1;
    byReaction.set(r.reaction, row);
  }
  return [...byReaction.values()];
}

import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import type { MembershipFacts } from '../../platform/auth/policy.ts';

type Scope = Tables & { quoted: Tables['post'] };

/** Characters of a quoted post's source fetched for its excerpt (the excerpt itself is shorter). */
const QUOTE_SOURCE_CHARS = 400;

/**
 * A post's author as a response may name them: the person id of a signed post, null for an
 * anonymous one. Authorship of anonymous posts is only ever compared in SQL (`is_mine`).
 */
const publicAuthorId = (eb: ExpressionBuilder<Scope, 'post'>) =>
  eb.case().when('post.anonymous', '=', 0).then(eb.ref('post.author_id')).end().as('public_author_id');

export class PostsRepository {
  constructor(private readonly db: DB) {}

  private select(viewerId: string, db: DB | Tx = this.db) {
    return db
      .selectFrom('post')
      .leftJoin('post as quoted', 'quoted.id', 'post.quoted_post_id')
      .select([
        'post.id',
        'post.thread_id',
        'post.seq',
        'post.anonymous',
        'post.body',
        'post.body_html',
        'post.quoted_post_id',
        'post.version',
        'post.created_at',
        'post.edited_at',
        'post.deleted_at',
        'post.hidden_at',
        'quoted.anonymous as quoted_anonymous',
        'quoted.deleted_at as quoted_deleted_at',
        'quoted.hidden_at as quoted_hidden_at',
      ])
      .select((eb) => [
        publicAuthorId(eb),
        eb('post.author_id', '=', viewerId).as('is_mine'),
        eb.case().when('quoted.anonymous', '=', 0).then(eb.ref('quoted.author_id')).end().as('quoted_public_author_id'),
        eb.fn<string | null>('substr', ['quoted.body', eb.lit(1), eb.lit(QUOTE_SOURCE_CHARS)]).as('quoted_source'),
      ]);
  }

  /**
   * A page of a thread's replies (the opening post is shown with the thread), oldest first, as
   * every reader sees it (the thread page cache keeps it). Keyset on (created_at, id) over the
   * index (thread_id, created_at, id): the first page of a thread with thousands of posts reads
   * 51 index entries, whatever the thread's length. It carries the author of anonymous posts too (`private_author_id`), so the cache can
   * tell each reader which posts are theirs, as `is_mine` does in SQL elsewhere; present.ts never
   * reads it into a payload.
   *
   * `+seq` (a no-op on the value) keeps SQLite's planner off post_thread_seq: with it, the planner
   * preferred the index matching both conditions and then sorted the whole thread (150 ms for a
   * 5,000-post thread instead of well under 1 ms, bench/results.md). The condition drops one row.
   */
  async page(threadId: string, after: [string, string] | undefined, limit: number) {
    let query = this.select('')
      .select('post.author_id as private_author_id')
      .where('post.thread_id', '=', threadId)
      .where(sql<boolean>`+${sql.ref('post.seq')} > 1`);
    if (after) query = query.where(sql<boolean>`(${sql.ref('post.created_at')}, ${sql.ref('post.id')}) > (${after[0]}, ${after[1]})`);
    return query
      .orderBy('post.created_at')
      .orderBy('post.id')
      .limit(limit + 1)
      .execute();
  }

  async findMany(ids: string[], viewerId: string, db: DB | Tx = this.db) {
    if (ids.length === 0) return [];
    return this.select(viewerId, db).where('post.id', 'in', ids).execute();
  }

  /** A post with what the policy needs about it, its thread and its community. */
  async findWithFacts(postId: string, viewerId: string, db: DB | Tx = this.db) {
    const row = await this.select(viewerId, db)
      .innerJoin('thread', 'thread.id', 'post.thread_id')
      .innerJoin('community', 'community.id', 'thread.community_id')
      .leftJoin('membership as mine', (join) =>
        join.onRef('mine.community_id', '=', 'thread.community_id').on('mine.person_id', '=', viewerId),
      )
      .select([
        'thread.community_id',
        'thread.kind as thread_kind',
        'thread.title as thread_title',
        'thread.locked as thread_locked',
        'thread.first_post_id',
        'thread.accepted_post_id',
        'community.visibility',
        'community.stage as community_stage',
        'mine.role as my_role',
        'mine.status as my_status',
      ])
      .select((eb) => eb('thread.author_id', '=', viewerId).as('thread_is_mine'))
      .where('post.id', '=', postId)
      .executeTakeFirst();
    if (!row) return undefined;
    const { my_role, my_status, ...post } = row;
    const membership: MembershipFacts = my_role && my_status ? { role: my_role, status: my_status } : null;
    return { ...post, membership };
  }

  /** Where a post sits: its thread and position, for quoting and read positions. */
  async locate(postId: string, db: DB | Tx = this.db) {
    return db
      .selectFrom('post')
      .select(['id', 'thread_id', 'seq', 'created_at', 'deleted_at', 'hidden_at'])
      .where('id', '=', postId)
      .executeTakeFirst();
  }

  async insert(post: Tables['post'], tx: Tx): Promise<void> {
    await tx.insertInto('post').values(post).execute();
  }

  /**
   * Saves an edit only if nobody saved in between, keeping the replaced version as a
   * revision; answers whether it saved.
   */
  async editIfVersion(postId: string, version: number, next: { body: string; body_html: string; at: string }, tx: Tx): Promise<boolean> {
    const current = await tx
      .selectFrom('post')
      .select(['body', 'body_html', 'created_at', 'edited_at'])
      .where('id', '=', postId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!current) return false;
    const result = await tx
      .updateTable('post')
      .set({ body: next.body, body_html: next.body_html, edited_at: next.at, version: version + 1 })
      .where('id', '=', postId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await tx
      .insertInto('post_revision')
      .values({
        post_id: postId,
        version,
        body: current.body,
        body_html: current.body_html,
        created_at: current.edited_at ?? current.created_at,
      })
      .execute();
    return true;
  }

  /** Earlier versions, newest first. */
  async revisions(postId: string, beforeVersion: number | undefined, limit: number) {
    let query = this.db.selectFrom('post_revision').select(['version', 'body', 'body_html', 'created_at']).where('post_id', '=', postId);
    if (beforeVersion !== undefined) query = query.where('version', '<', beforeVersion);
    return query
      .orderBy('version', 'desc')
      .limit(limit + 1)
      .execute();
  }

  async setDeleted(postId: string, at: string, tx: Tx): Promise<void> {
    await tx.updateTable('post').set({ deleted_at: at }).where('id', '=', postId).execute();
  }

  async setHidden(postId: string, at: string | null, tx: Tx): Promise<void> {
    await tx.updateTable('post').set({ hidden_at: at }).where('id', '=', postId).execute();
  }
}

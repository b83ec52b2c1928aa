import type { ThreadKind, ThreadState } from '@guildhall/shared';
import { type ExpressionBuilder, sql } from 'kysely';
import { compiledOnce } from '../../db/compiled-query.ts';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import type { PersonActor } from '../../platform/auth/actor.ts';
import type { MembershipFacts } from '../../platform/auth/policy.ts';
import { visibleTo } from '../communities/index.ts';

/** `revision` belongs to the triggers of migration 0008: nobody writes it. */
type NewThread = Omit<Tables['thread'], 'tags' | 'revision'>;

export type ThreadListFilter = {
  communityId?: string;
  kind?: ThreadKind;
  state?: ThreadState;
  tag?: string;
  /** [pinned, last_activity_at, id] within a community; [last_activity_at, id] across communities. */
  after?: (string | number)[];
  limit: number;
};

/**
 * A thread's author as a response may name them: the id for a signed thread, null for an
 * anonymous one. The anonymous author's id is compared in SQL (`is_mine`) and never selected.
 */
const publicAuthorId = (eb: ExpressionBuilder<Tables, 'thread'>) =>
  eb.case().when('thread.anonymous', '=', 0).then(eb.ref('thread.author_id')).end().as('public_author_id');

function selectThreads(db: DB | Tx, viewerId: string) {
  return db
    .selectFrom('thread')
    .innerJoin('community', 'community.id', 'thread.community_id')
    .leftJoin('thread_read', (join) => join.onRef('thread_read.thread_id', '=', 'thread.id').on('thread_read.person_id', '=', viewerId))
    .select([
      'thread.id',
      'thread.community_id',
      'thread.kind',
      'thread.title',
      'thread.tags',
      'thread.state',
      'thread.anonymous',
      'thread.pinned',
      'thread.locked',
      'thread.first_post_id',
      'thread.accepted_post_id',
      'thread.post_count',
      'thread.revision',
      'thread.last_activity_at',
      'thread.first_answer_at',
      'thread.accepted_at',
      'thread.created_at',
      'community.slug as community_slug',
      'community.name as community_name',
      'community.visibility',
      'community.stage as community_stage',
      'thread_read.last_read_seq',
      'thread_read.last_read_post_id',
    ])
    .select((eb) => [publicAuthorId(eb), eb('thread.author_id', '=', viewerId).as('is_mine')]);
}

/** One thread with the viewer's read position and membership: what every thread use case loads first. */
const findQuery = (db: DB | Tx, threadId: string, viewerId: string) =>
  selectThreads(db, viewerId)
    .leftJoin('membership as mine', (join) =>
      join.onRef('mine.community_id', '=', 'thread.community_id').on('mine.person_id', '=', viewerId),
    )
    .select(['mine.role as my_role', 'mine.status as my_status'])
    .where('thread.id', '=', threadId);

/** Every thread page and reply runs it outside a transaction: compiled once (db/compiled-query.ts). */
const findCompiled = compiledOnce(2, (db, threadId: string, viewerId: string) => findQuery(db, threadId, viewerId));

export class ThreadsRepository {
  constructor(private readonly db: DB) {}

  /** Latest activity first; within one community, pinned threads lead. Only what the actor may read. */
  async list(actor: PersonActor, filter: ThreadListFilter) {
    let query = selectThreads(this.db, actor.personId);
    if (filter.communityId) {
      query = query.where('thread.community_id', '=', filter.communityId);
    } else {
      query = query.where('thread.community_id', 'in', this.db.selectFrom('community').select('community.id').where(visibleTo(actor)));
    }
    if (filter.kind) query = query.where('thread.kind', '=', filter.kind);
    if (filter.state) query = query.where('thread.state', '=', filter.state);
    if (filter.tag) {
      const tag = filter.tag;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('thread_tag')
            .select('thread_tag.tag')
            .whereRef('thread_tag.thread_id', '=', 'thread.id')
            .where('thread_tag.tag', '=', tag),
        ),
      );
    }
    const keyColumns = filter.communityId
      ? ['thread.pinned', 'thread.last_activity_at', 'thread.id']
      : ['thread.last_activity_at', 'thread.id'];
    if (filter.after) query = query.where(before(keyColumns, filter.after));
    for (const column of keyColumns) query = query.orderBy(sql.ref(column), 'desc');
    return query.limit(filter.limit + 1).execute();
  }

  /** The thread with what the policy needs: the community's visibility and the viewer's membership. */
  async find(threadId: string, viewerId: string, db: DB | Tx = this.db) {
    const row =
      db === this.db ? (await findCompiled(this.db, threadId, viewerId))[0] : await findQuery(db, threadId, viewerId).executeTakeFirst();
    if (!row) return undefined;
    const { my_role, my_status, ...thread } = row;
    const membership: MembershipFacts = my_role && my_status ? { role: my_role, status: my_status } : null;
    return { ...thread, membership };
  }

  /** Per thread, what presenting its posts needs (the moderation queue spans many threads). */
  async contexts(threadIds: string[], viewerId: string) {
    if (threadIds.length === 0) return [];
    return this.db
      .selectFrom('thread')
      .select(['id', 'locked', 'accepted_post_id'])
      .select((eb) => eb('thread.author_id', '=', viewerId).as('is_mine'))
      .where('id', 'in', threadIds)
      .execute();
  }

  async insert(thread: NewThread, tags: string[], tx: Tx): Promise<void> {
    await tx
      .insertInto('thread')
      .values({ ...thread, tags: JSON.stringify(tags) })
      .execute();
    await this.writeTags(thread.id, tags, tx);
  }

  async update(threadId: string, patch: Partial<Omit<Tables['thread'], 'id' | 'tags' | 'revision'>>, tx: Tx): Promise<void> {
    await tx.updateTable('thread').set(patch).where('id', '=', threadId).execute();
  }

  async setTags(threadId: string, tags: string[], tx: Tx): Promise<void> {
    await tx
      .updateTable('thread')
      .set({ tags: JSON.stringify(tags) })
      .where('id', '=', threadId)
      .execute();
    await tx.deleteFrom('thread_tag').where('thread_id', '=', threadId).execute();
    await this.writeTags(threadId, tags, tx);
  }

  private async writeTags(threadId: string, tags: string[], tx: Tx) {
    if (tags.length === 0) return;
    await tx
      .insertInto('thread_tag')
      .values(tags.map((tag) => ({ thread_id: threadId, tag })))
      .execute();
  }

  /**
   * Counts a new post into the thread and answers its position. The UPDATE takes the row
   * lock, so concurrent replies get consecutive positions in commit order.
   */
  async countPost(threadId: string, tx: Tx): Promise<number | undefined> {
    const row = await tx
      .updateTable('thread')
      .set({ post_count: sql`post_count + 1` })
      .where('id', '=', threadId)
      .returning('post_count')
      .executeTakeFirst();
    return row?.post_count;
  }

  /** A new post's time is the thread's latest activity, and perhaps its question's first answer. */
  async touch(threadId: string, at: string, firstAnswer: boolean, tx: Tx): Promise<void> {
    await tx
      .updateTable('thread')
      .set({ last_activity_at: at, ...(firstAnswer && { first_answer_at: sql`coalesce(first_answer_at, ${at})` }) })
      .where('id', '=', threadId)
      .execute();
  }

  /** Moves the read position forward only: reading an old page again does not bring back "new" posts. */
  async markRead(personId: string, threadId: string, position: { seq: number; postId: string }, at: string, db: DB | Tx = this.db) {
    await db
      .insertInto('thread_read')
      .values({ person_id: personId, thread_id: threadId, last_read_seq: position.seq, last_read_post_id: position.postId, updated_at: at })
      .onConflict((oc) =>
        oc
          .columns(['person_id', 'thread_id'])
          .doUpdateSet((eb) => ({
            last_read_seq: eb.ref('excluded.last_read_seq'),
            last_read_post_id: eb.ref('excluded.last_read_post_id'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where('thread_read.last_read_seq', '<', position.seq),
      )
      .execute();
  }
}

/** Keyset condition for a descending sort: rows strictly before the cursor, as one row-value comparison. */
function before(columns: string[], key: (string | number)[]) {
  const refs = sql.join(columns.map((c) => sql.ref(c)));
  return sql<boolean>`(${refs}) < (${sql.join(key)})`;
}

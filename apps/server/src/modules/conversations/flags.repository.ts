import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';

export type FlagResolution = NonNullable<Tables['post_flag']['resolution']>;

export class FlagsRepository {
  constructor(private readonly db: DB) {}

  async exists(postId: string, personId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('post_flag')
      .select('post_id')
      .where('post_id', '=', postId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(flag: { postId: string; personId: string; reason: string; at: string }): Promise<void> {
    await this.db
      .insertInto('post_flag')
      .values({
        post_id: flag.postId,
        person_id: flag.personId,
        reason: flag.reason,
        created_at: flag.at,
        resolved_at: null,
        resolution: null,
      })
      .execute();
  }

  /**
   * A community's queue: posts with open flags, the longest-waiting first. Flaggers are not
   * selected; moderators judge the post, not who reported it.
   */
  async queue(communityId: string, after: [string, string] | undefined, limit: number) {
    let query = this.db
      .selectFrom('post_flag')
      .innerJoin('post', 'post.id', 'post_flag.post_id')
      .innerJoin('thread', 'thread.id', 'post.thread_id')
      .select(['post_flag.post_id', 'thread.id as thread_id', 'thread.title as thread_title'])
      .select((eb) => [eb.fn.min('post_flag.created_at').as('first_flagged_at'), eb.fn.countAll<number>().as('flag_count')])
      .where('thread.community_id', '=', communityId)
      .where('post_flag.resolved_at', 'is', null)
      .groupBy(['post_flag.post_id', 'thread.id', 'thread.title']);
    if (after) {
      query = query.having(
        sql<boolean>`(min(${sql.ref('post_flag.created_at')}), ${sql.ref('post_flag.post_id')}) > (${after[0]}, ${after[1]})`,
      );
    }
    const rows = await query
      .orderBy(sql`min(${sql.ref('post_flag.created_at')})`)
      .orderBy('post_flag.post_id')
      .limit(limit + 1)
      .execute();
    return rows.map((r) => ({ ...r, first_flagged_at: String(r.first_flagged_at), flag_count: Number(r.flag_count) }));
  }

  async openReasons(postIds: string[]) {
    if (postIds.length === 0) return [];
    return this.db
      .selectFrom('post_flag')
      .select(['post_id', 'reason'])
      .where('post_id', 'in', postIds)
      .where('resolved_at', 'is', null)
      .orderBy('created_at')
      .execute();
  }

  /** Closes a post's open flags; answers how many there were. */
  async resolve(postId: string, resolution: FlagResolution, at: string, tx: Tx): Promise<number> {
    const result = await tx
      .updateTable('post_flag')
      .set({ resolved_at: at, resolution })
      .where('post_id', '=', postId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

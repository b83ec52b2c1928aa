import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';

export type FeedRow = Tables['calendar_feed'];

/** Secret calendar feed URLs; only the hash of each secret is stored. */
export class FeedsRepository {
  constructor(private readonly db: DB) {}

  async insert(row: FeedRow, tx: Tx): Promise<void> {
    await tx.insertInto('calendar_feed').values(row).execute();
  }

  async listOf(personId: string) {
    return this.db
      .selectFrom('calendar_feed')
      .leftJoin('community', 'community.id', 'calendar_feed.community_id')
      .selectAll('calendar_feed')
      .select(['community.slug as community_slug', 'community.name as community_name'])
      .where('calendar_feed.person_id', '=', personId)
      .where('calendar_feed.revoked_at', 'is', null)
      .orderBy('calendar_feed.created_at', 'desc')
      .orderBy('calendar_feed.id')
      .limit(100)
      .execute();
  }

  async byToken(tokenHash: string) {
    return this.db
      .selectFrom('calendar_feed')
      .innerJoin('person', 'person.id', 'calendar_feed.person_id')
      .selectAll('calendar_feed')
      .select('person.org_role')
      .where('calendar_feed.token_hash', '=', tokenHash)
      .where('calendar_feed.revoked_at', 'is', null)
      .executeTakeFirst();
  }

  async revoke(id: string, personId: string, at: string, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('calendar_feed')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('calendar_feed').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}

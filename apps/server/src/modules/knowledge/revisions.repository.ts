import { sql } from 'kysely';
import type { DB, Dialect, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';

export type PageRevisionRow = Tables['page_revision'];

export class RevisionsRepository {
  constructor(
    private readonly db: DB,
    private readonly dialect: Dialect,
  ) {}

  async insert(row: PageRevisionRow, tx: Tx): Promise<void> {
    await tx.insertInto('page_revision').values(row).execute();
  }

  async find(pageId: string, version: number, db: DB | Tx = this.db): Promise<PageRevisionRow | undefined> {
    return db.selectFrom('page_revision').selectAll().where('page_id', '=', pageId).where('version', '=', version).executeTakeFirst();
  }

  /** Newest first, keyset on the version; the body's size instead of the body. */
  async list(pageId: string, beforeVersion: number | undefined, limit: number) {
    const size = this.dialect === 'postgres' ? sql<number>`octet_length(body_source)` : sql<number>`length(cast(body_source as blob))`;
    let query = this.db
      .selectFrom('page_revision')
      .select(['version', 'title', 'summary', 'author_id', 'created_at', size.as('bytes')])
      .where('page_id', '=', pageId);
    if (beforeVersion !== undefined) query = query.where('version', '<', beforeVersion);
    return query
      .orderBy('version', 'desc')
      .limit(limit + 1)
      .execute();
  }
}

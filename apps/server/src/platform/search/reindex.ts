import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { DOC_COLUMNS, SOURCES } from './sources.ts';

/**
 * Rebuilds the whole index from the content tables, in one transaction: readers see the old
 * index until it commits. The SELECTs are the very ones the triggers use (sources.ts).
 */
export async function reindex({ db, dialect }: Database): Promise<Record<string, number>> {
  return db.transaction().execute(async (trx) => {
    await sql`DELETE FROM search_document`.execute(trx);
    const counts: Record<string, number> = {};
    for (const source of Object.values(SOURCES)) {
      const result = await sql.raw(`INSERT INTO search_document (${DOC_COLUMNS}) ${source.select(dialect, '1 = 1')}`).execute(trx);
      counts[source.kind] = Number(result.numAffectedRows ?? 0);
    }
    // Merges FTS5's segments into one, as after a bulk load; PostgreSQL's GIN needs nothing.
    if (dialect === 'sqlite') await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(trx);
    return counts;
  });
}

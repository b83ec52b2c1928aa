import { type Kysely, sql } from 'kysely';
import { createTriggerSql, DOC_COLUMNS, pageTriggers, SOURCES } from '../../platform/search/sources.ts';
import type { Dialect } from '../database.ts';

/** Knowledge pages join the search index (0005): triggers on `page`, and the pages already written. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (const trigger of pageTriggers(dialect)) {
    for (const statement of createTriggerSql(dialect, trigger)) await sql.raw(statement).execute(db);
  }
  await sql.raw(`INSERT INTO search_document (${DOC_COLUMNS}) ${SOURCES.page.select(dialect, '1 = 1')}`).execute(db);
}

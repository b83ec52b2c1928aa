import type { Dialect } from '../../apps/server/src/db/database.ts';
import { threadRevisionTriggers } from '../../apps/server/src/db/migrations/0008-thread-revision.ts';
import { contentTriggers, createTriggerSql, DOC_COLUMNS, SOURCES } from '../../apps/server/src/platform/search/sources.ts';
import type { BulkWriter } from './writer.ts';

/**
 * The search index around a bulk load (docs/decisions/0008-search.md).
 *
 * Per row, the index triggers cost about twice what the rest of an insert does (measured: 17 s
 * of CPU per 100,000 posts with them, 7 s without, 4 s to build the same documents in one
 * statement afterwards). So the seeder drops exactly the triggers migration 0005 installed,
 * loads, builds every document with the SELECTs of platform/search/sources.ts (the ones the
 * triggers and `npm run reindex` run), and installs the same triggers again. The full-text
 * index itself (FTS5 / tsvector) is written by its own per-row path as always.
 */
export async function suspendSearchTriggers(writer: BulkWriter): Promise<void> {
  for (const trigger of suspended(writer.dialect)) {
    if (writer.dialect === 'sqlite') await writer.exec(`DROP TRIGGER IF EXISTS ${trigger.name}`);
    else {
      await writer.exec(`DROP TRIGGER IF EXISTS ${trigger.name} ON ${trigger.table}`);
      await writer.exec(`DROP FUNCTION IF EXISTS ${trigger.name}_fn()`);
    }
  }
}

/**
 * Writes every document in one statement, oldest first, so document ids follow time across
 * kinds as they do when the index grows write by write (search reads the newest matches first);
 * then merges FTS5's segments as reindex does, and puts the triggers back.
 */
export async function rebuildSearchIndex(writer: BulkWriter): Promise<void> {
  const { dialect } = writer;
  const sources = Object.values(SOURCES);
  await writer.exec(`DELETE FROM search_document WHERE kind IN (${sources.map((s) => `'${s.kind}'`).join(', ')})`);
  const union = sources.map((s) => s.select(dialect, '1 = 1')).join('\nUNION ALL\n');
  // Column 10 of DOC_COLUMNS is created_at.
  await writer.exec(`INSERT INTO search_document (${DOC_COLUMNS})\n${union}\nORDER BY 10`);
  if (dialect === 'sqlite') await writer.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
  for (const trigger of suspended(dialect)) for (const statement of createTriggerSql(dialect, trigger)) await writer.exec(statement);
}

/**
 * The index triggers, and the thread revision counters of migration 0008 (a fresh data set has
 * nothing cached, so the revisions may all start at 0 after the load).
 */
const suspended = (dialect: Dialect) => [...contentTriggers(dialect), ...threadRevisionTriggers()];

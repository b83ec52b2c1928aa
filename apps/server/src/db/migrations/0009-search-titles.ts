import { type Kysely, sql } from 'kysely';
import { createTriggerSql, type TriggerSpec } from '../../platform/search/sources.ts';
import type { Dialect } from '../database.ts';

const TITLE_COLUMNS = 'doc_id, kind, ref_id, community_id, thread_id, title, tags, author_id, accepted, created_at';

/**
 * PostgreSQL's titles, apart (SQLite has had `search_title_fts` since 0005). Suggestions match
 * title prefixes; in `search_document` the 84,000 titled documents of the reference data set lie
 * among a million untitled replies, one heap page each, so a two-letter prefix read ten thousand
 * pages (50 ms, bench/results.md). `search_title` holds only titled documents, with their
 * tsvector stored, kept by triggers on `search_document` in the same transaction.
 */
export function searchTitleTriggers(): TriggerSpec[] {
  const copy = `INSERT INTO search_title (${TITLE_COLUMNS}) SELECT ${TITLE_COLUMNS.split(', ')
    .map((c) => `NEW.${c}`)
    .join(', ')} WHERE NEW.title <> ''`;
  const drop = (row: string) => `DELETE FROM search_title WHERE doc_id = ${row}.doc_id`;
  return [
    { name: 'search_title_ins', table: 'search_document', on: 'INSERT', statements: [copy] },
    { name: 'search_title_upd', table: 'search_document', on: 'UPDATE', statements: [drop('OLD'), copy] },
    { name: 'search_title_del', table: 'search_document', on: 'DELETE', statements: [drop('OLD')] },
  ];
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`CREATE TABLE search_title (
    doc_id bigint PRIMARY KEY,
    kind text NOT NULL,
    ref_id text NOT NULL,
    community_id text,
    thread_id text,
    title text NOT NULL,
    tags text NOT NULL,
    author_id text,
    accepted integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED
  )`);
  await run(`INSERT INTO search_title (${TITLE_COLUMNS}) SELECT ${TITLE_COLUMNS} FROM search_document WHERE title <> ''`);
  await run('CREATE INDEX search_title_tsv ON search_title USING gin (title_tsv)');
  await run('DROP INDEX search_document_title_tsv');
  for (const trigger of searchTitleTriggers()) for (const statement of createTriggerSql(dialect, trigger)) await run(statement);
}

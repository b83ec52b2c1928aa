import { type Kysely, sql } from 'kysely';
import { contentTriggers, createTriggerSql } from '../../platform/search/sources.ts';
import type { Dialect } from '../database.ts';
import { timestamp } from './0001-foundation.ts';

/**
 * One search index over every kind of content (docs/decisions/0008-search.md): a
 * `search_document` row per searchable thing, written by triggers in the same transaction as
 * the write it reflects, and a full-text index over it in each dialect's own engine — an FTS5
 * external-content table on SQLite, a generated, weighted tsvector with GIN on PostgreSQL.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  const run = (statement: string) => sql.raw(statement).execute(db);

  await db.schema
    .createTable('search_document')
    // An explicit integer key: FTS5 external content refers to rows by it, and an implicit
    // rowid could be renumbered by VACUUM.
    .addColumn('doc_id', dialect === 'postgres' ? sql`bigint generated always as identity` : 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text')
    .addColumn('thread_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_document_ref').unique().on('search_document').columns(['kind', 'ref_id']).execute();
  await db.schema.createIndex('search_document_thread').on('search_document').columns(['thread_id', 'kind']).execute();
  await db.schema.createIndex('search_document_community').on('search_document').columns(['community_id']).execute();

  if (dialect === 'sqlite') {
    // Porter stemming so "deploying" finds "deployment"; diacritics folded so "café" finds "cafe".
    await run(`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_document', content_rowid='doc_id',
      tokenize='porter unicode61 remove_diacritics 2')`);
    // Titles alone, unstemmed, with prefix indexes: what suggestions-as-you-type read.
    await run(`CREATE VIRTUAL TABLE search_title_fts USING fts5(title, content='search_document', content_rowid='doc_id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')`);
    await run(`CREATE TRIGGER search_fts_ins AFTER INSERT ON search_document BEGIN
      INSERT INTO search_fts (rowid, title, body) VALUES (NEW.doc_id, NEW.title, NEW.body);
      INSERT INTO search_title_fts (rowid, title) SELECT NEW.doc_id, NEW.title WHERE NEW.title <> '';
    END`);
    await run(`CREATE TRIGGER search_fts_del AFTER DELETE ON search_document BEGIN
      INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.doc_id, OLD.title, OLD.body);
      INSERT INTO search_title_fts (search_title_fts, rowid, title) SELECT 'delete', OLD.doc_id, OLD.title WHERE OLD.title <> '';
    END`);
    await run(`CREATE TRIGGER search_fts_upd AFTER UPDATE OF title, body ON search_document BEGIN
      INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.doc_id, OLD.title, OLD.body);
      INSERT INTO search_title_fts (search_title_fts, rowid, title) SELECT 'delete', OLD.doc_id, OLD.title WHERE OLD.title <> '';
      INSERT INTO search_fts (rowid, title, body) VALUES (NEW.doc_id, NEW.title, NEW.body);
      INSERT INTO search_title_fts (rowid, title) SELECT NEW.doc_id, NEW.title WHERE NEW.title <> '';
    END`);
  } else {
    // Titles weigh more than bodies in ts_rank_cd (A = 1.0, D = 0.1 by default).
    await run(`ALTER TABLE search_document ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'D')) STORED`);
    await run('CREATE INDEX search_document_tsv ON search_document USING gin (tsv)');
    await run(`CREATE INDEX search_document_title_tsv ON search_document USING gin (to_tsvector('simple', title)) WHERE title <> ''`);
  }

  for (const trigger of contentTriggers(dialect)) {
    for (const statement of createTriggerSql(dialect, trigger)) await run(statement);
  }
}

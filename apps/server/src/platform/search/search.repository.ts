import { type RawBuilder, sql } from 'kysely';
import type { DB, Dialect } from '../../db/database.ts';
import { type ParsedQuery, toFts5, toTsquery } from './query-syntax.ts';
import { windowBm25 } from './relevance.ts';

/** A match before ranking: what scoring and presenting need, nothing the searcher may not see. */
export type Candidate = {
  docId: number;
  kind: string;
  refId: string;
  communityId: string | null;
  threadId: string | null;
  title: string;
  authorId: string | null;
  accepted: boolean;
  createdAt: string;
  /** Engine relevance, larger is better (bm25 negated on SQLite, ts_rank_cd on PostgreSQL). */
  relevance: number;
};

/** Which rows the searcher may see, and the filters they chose; all applied inside the SQL. */
export type Scope = {
  /** null: every community (an org admin); otherwise open ones plus these private ones. */
  privateCommunityIds: string[] | null;
  communityId?: string;
  kind?: string;
  authorId?: string;
  tag?: string;
  from?: string;
  to?: string;
};

type Row = {
  doc_id: number | string;
  kind: string;
  ref_id: string;
  community_id: string | null;
  thread_id: string | null;
  title: string;
  author_id: string | null;
  accepted: number;
  created_at: string;
  relevance: number;
};

const toCandidate = (r: Row): Candidate => ({
  docId: Number(r.doc_id),
  kind: r.kind,
  refId: r.ref_id,
  communityId: r.community_id,
  threadId: r.thread_id,
  title: r.title,
  authorId: r.author_id,
  accepted: r.accepted === 1,
  createdAt: r.created_at,
  relevance: Number(r.relevance),
});

/** Start and end of a highlighted match inside snippets; replaced by <mark> after escaping. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

function scopeSql(scope: Scope): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (scope.privateCommunityIds) {
    const readable = [sql`d.community_id IS NULL`, sql`d.community_id IN (SELECT id FROM community WHERE visibility = 'open')`];
    if (scope.privateCommunityIds.length) readable.push(sql`d.community_id IN (${sql.join(scope.privateCommunityIds)})`);
    parts.push(sql`(${sql.join(readable, sql` OR `)})`);
  }
  if (scope.communityId) parts.push(sql`d.community_id = ${scope.communityId}`);
  if (scope.kind) parts.push(sql`d.kind = ${scope.kind}`);
  if (scope.authorId) parts.push(sql`d.author_id = ${scope.authorId}`);
  // Tags are a JSON array of strings; a quoted match cannot hit part of another tag.
  if (scope.tag) parts.push(sql`d.tags LIKE ${`%${JSON.stringify(scope.tag).replace(/[%_\\]/g, '\\$&')}%`} ESCAPE '\\'`);
  if (scope.from) parts.push(sql`d.created_at >= ${scope.from}`);
  if (scope.to) parts.push(sql`d.created_at < ${scope.to}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`1 = 1`;
}

export interface SearchRepository {
  /** The `limit` most recent readable matches, each with its engine relevance. */
  candidates(query: ParsedQuery, scope: Scope, limit: number): Promise<Candidate[]>;
  /** Highlighted text around the matches of each document (title used when the body is empty). */
  snippets(query: ParsedQuery, docIds: number[]): Promise<Map<number, string>>;
  /** Readable documents whose title has every word, the last one as a prefix. */
  titlePrefix(words: string[], scope: Scope, limit: number): Promise<Candidate[]>;
}

export function createSearchRepository(db: DB, dialect: Dialect): SearchRepository {
  return dialect === 'postgres' ? new PostgresSearch(db) : new SqliteSearch(db);
}

const COLUMNS = sql.raw('d.doc_id, d.kind, d.ref_id, d.community_id, d.thread_id, d.title, d.author_id, d.accepted, d.created_at');

/**
 * FTS5 walks its index newest first (rowid DESC) and the LIMIT stops it early, so a word in a
 * million posts costs about what a rare one does. Relevance comes second, only for the rows
 * returned: the engine's bm25 when they are all the matches, window BM25 when they are not.
 */
class SqliteSearch implements SearchRepository {
  constructor(private readonly db: DB) {}

  async candidates(query: ParsedQuery, scope: Scope, limit: number): Promise<Candidate[]> {
    const match = toFts5(query);
    const { rows } = await sql<Row>`
      SELECT ${COLUMNS}, 0 AS relevance
      FROM search_fts JOIN search_document d ON d.doc_id = search_fts.rowid
      WHERE search_fts MATCH ${match} AND ${scopeSql(scope)}
      ORDER BY search_fts.rowid DESC LIMIT ${limit}`.execute(this.db);
    const candidates = rows.map(toCandidate);
    if (!candidates.length) return candidates;
    const ids = candidates.map((c) => c.docId);
    if (candidates.length < limit) {
      // Few matches: the engine's own bm25, whose cost grows with the words' document counts.
      const ranked = await sql<{ rowid: number; relevance: number }>`
        SELECT rowid, -bm25(search_fts, 4.0, 1.0) AS relevance FROM search_fts
        WHERE search_fts MATCH ${match} AND rowid IN (${sql.join(ids)})`.execute(this.db);
      const relevance = new Map(ranked.rows.map((r) => [Number(r.rowid), Number(r.relevance)]));
      return candidates.map((c) => ({ ...c, relevance: relevance.get(c.docId) ?? 0 }));
    }
    // Common words: BM25 over the window, from the beginning of each body (relevance.ts).
    const texts = await sql<{ doc_id: number; body: string }>`
      SELECT doc_id, substr(body, 1, 1500) AS body FROM search_document WHERE doc_id IN (${sql.join(ids)})`.execute(this.db);
    const bodies = new Map(texts.rows.map((r) => [Number(r.doc_id), r.body]));
    const scores = windowBm25(
      query,
      candidates.map((c) => ({ title: c.title, body: bodies.get(c.docId) ?? '' })),
    );
    return candidates.map((c, i) => ({ ...c, relevance: scores[i] ?? 0 }));
  }

  async snippets(query: ParsedQuery, docIds: number[]): Promise<Map<number, string>> {
    if (!docIds.length) return new Map();
    const { rows } = await sql<{ rowid: number; title: string; body: string }>`
      SELECT rowid, snippet(search_fts, 0, ${MARK_START}, ${MARK_END}, '…', 12) AS title,
             snippet(search_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) AS body
      FROM search_fts WHERE search_fts MATCH ${toFts5(query)} AND rowid IN (${sql.join(docIds)})`.execute(this.db);
    return new Map(rows.map((r) => [Number(r.rowid), r.body || r.title]));
  }

  async titlePrefix(words: string[], scope: Scope, limit: number): Promise<Candidate[]> {
    const match = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
    const { rows } = await sql<Row>`
      SELECT ${COLUMNS}, 0 AS relevance
      FROM search_title_fts JOIN search_document d ON d.doc_id = search_title_fts.rowid
      WHERE search_title_fts MATCH ${match} AND ${scopeSql(scope)}
      ORDER BY search_title_fts.rowid DESC LIMIT ${limit}`.execute(this.db);
    return rows.map(toCandidate);
  }
}

/** A tsquery expression over bound parameters, spliced into a Kysely raw query. */
function tsquerySql(query: ParsedQuery): RawBuilder<unknown> {
  const { expression, params } = toTsquery(query);
  // toTsquery numbers its parameters $1…$n; re-bind them through Kysely in the same order.
  const pieces = expression.split(/\$(\d+)/);
  const parts: RawBuilder<unknown>[] = [];
  pieces.forEach((piece, i) => {
    parts.push(i % 2 === 0 ? sql.raw(piece) : sql`${params[Number(piece) - 1]}`);
  });
  return sql.join(parts, sql``);
}

/** How many of the newest titles suggestions look through before asking the index (PostgreSQL). */
const NEWEST_TITLES = 2000;
const TITLE_COLUMNS = sql.raw(
  'd.doc_id, d.kind, d.ref_id, d.community_id, d.thread_id, d.title, d.tags, d.author_id, d.accepted, d.created_at',
);

class PostgresSearch implements SearchRepository {
  constructor(private readonly db: DB) {}

  async candidates(query: ParsedQuery, scope: Scope, limit: number): Promise<Candidate[]> {
    const { rows } = await sql<Row>`
      SELECT ${COLUMNS}, ts_rank_cd(d.tsv, q.query) AS relevance
      FROM search_document d, (SELECT ${tsquerySql(query)} AS query) q
      WHERE d.tsv @@ q.query AND ${scopeSql(scope)}
      ORDER BY d.doc_id DESC LIMIT ${limit}`.execute(this.db);
    return rows.map(toCandidate);
  }

  async snippets(query: ParsedQuery, docIds: number[]): Promise<Map<number, string>> {
    if (!docIds.length) return new Map();
    const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
    const { rows } = await sql<{ doc_id: string; snippet: string }>`
      SELECT d.doc_id, ts_headline('english', CASE WHEN d.body = '' THEN d.title ELSE left(d.body, 20000) END, q.query, ${options}) AS snippet
      FROM search_document d, (SELECT ${tsquerySql(query)} AS query) q
      WHERE d.doc_id IN (${sql.join(docIds)})`.execute(this.db);
    return new Map(rows.map((r) => [Number(r.doc_id), r.snippet]));
  }

  /**
   * From `search_title` (migration 0009): titled documents only, their tsvector stored. PostgreSQL
   * estimates every prefix query alike, so a single plan is either fast for common prefixes
   * (walk newest first, stop at the limit) or for rare ones (the GIN index), never both: 35 ms
   * for a prefix no title has, or for "se" through the index. So: the newest titles first, and
   * the index only when they hold fewer matches than asked for.
   */
  async titlePrefix(words: string[], scope: Scope, limit: number): Promise<Candidate[]> {
    // Words are letters and digits only (query-syntax), so the tsquery text cannot carry operators.
    const text = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
    const matches = sql`d.title_tsv @@ to_tsquery('simple', ${text})`;
    const newest = await sql<Row>`
      SELECT ${COLUMNS}, 0 AS relevance FROM search_title d
      WHERE d.doc_id >= (SELECT doc_id FROM search_title ORDER BY doc_id DESC OFFSET ${NEWEST_TITLES - 1} LIMIT 1)
        AND ${matches} AND ${scopeSql(scope)}
      ORDER BY d.doc_id DESC LIMIT ${limit}`.execute(this.db);
    if (newest.rows.length === limit) return newest.rows.map(toCandidate);
    const { rows } = await sql<Row>`
      WITH d AS MATERIALIZED (SELECT ${TITLE_COLUMNS} FROM search_title d WHERE ${matches})
      SELECT ${COLUMNS}, 0 AS relevance FROM d WHERE ${scopeSql(scope)}
      ORDER BY d.doc_id DESC LIMIT ${limit}`.execute(this.db);
    return rows.map(toCandidate);
  }
}

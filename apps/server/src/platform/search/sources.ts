import type { SearchKind } from '@guildhall/shared';
import type { Dialect } from '../../db/database.ts';

/**
 * How each kind of content becomes a search document: one SELECT per kind, producing the
 * columns of `search_document`, and the tables whose writes change it. The same SELECT serves
 * the triggers (narrowed to the changed row) and `npm run reindex` (unnarrowed), so what a
 * trigger writes and what a rebuild writes cannot drift apart. A new kind of content joins by
 * adding an entry here and a migration that installs its triggers (installTriggers below).
 *
 * Anonymous authorship never reaches the index: `author_id` is NULL for anonymous threads and
 * posts, so neither the author filter nor any result can name them. Hidden and deleted posts
 * are not indexed at all.
 */
export type Source = {
  kind: SearchKind;
  /** Selects `DOC_COLUMNS` for the rows matching `where` (an SQL condition on the alias `src`). */
  select(dialect: Dialect, where: string): string;
};

export const DOC_COLUMNS = 'kind, ref_id, community_id, thread_id, title, body, tags, author_id, accepted, created_at';

const concat = (dialect: Dialect, column: string) =>
  dialect === 'postgres' ? `string_agg(${column}, ' ')` : `group_concat(${column}, ' ')`;

export const SOURCES: Record<SearchKind, Source> = {
  community: {
    kind: 'community',
    select: (_d, where) =>
      `SELECT 'community', src.id, src.id, NULL, src.name, src.domain, '[]', NULL, 0, src.created_at
       FROM community src WHERE ${where}`,
  },
  // A thread is found by its title and its opening post; replies are posts of their own.
  thread: {
    kind: 'thread',
    select: (_d, where) =>
      `SELECT 'thread', src.id, src.community_id, src.id, src.title, COALESCE(fp.body, ''), src.tags,
              CASE WHEN src.anonymous = 1 THEN NULL ELSE src.author_id END, 0, src.created_at
       FROM thread src
       LEFT JOIN post fp ON fp.id = src.first_post_id AND fp.deleted_at IS NULL AND fp.hidden_at IS NULL
       WHERE ${where}`,
  },
  post: {
    kind: 'post',
    select: (_d, where) =>
      `SELECT 'post', src.id, t.community_id, t.id, '', src.body, t.tags,
              CASE WHEN src.anonymous = 1 THEN NULL ELSE src.author_id END,
              CASE WHEN t.accepted_post_id = src.id THEN 1 ELSE 0 END, src.created_at
       FROM post src JOIN thread t ON t.id = src.thread_id
       WHERE src.id <> t.first_post_id AND src.deleted_at IS NULL AND src.hidden_at IS NULL AND ${where}`,
  },
  event: {
    kind: 'event',
    select: (_d, where) =>
      `SELECT 'event', src.id, src.community_id, NULL, src.title, src.description_source, '[]', src.created_by, 0, src.created_at
       FROM event src WHERE ${where}`,
  },
  // Knowledge pages once published; drafts are their owner's and facilitators' business.
  page: {
    kind: 'page',
    select: (_d, where) =>
      `SELECT 'page', src.id, src.community_id, NULL, src.title, src.body_source, src.tags, src.owner_id, 0, src.updated_at
       FROM page src WHERE src.status = 'published' AND ${where}`,
  },
  // People are found by name, title, bio and declared skills; they belong to no community.
  person: {
    kind: 'person',
    select: (d, where) =>
      `SELECT 'person', src.id, NULL, NULL, src.name,
              COALESCE(src.title, '') || ' ' || COALESCE(src.bio, '') || ' ' ||
                COALESCE((SELECT ${concat(d, 'ps.skill')} FROM person_skill ps WHERE ps.person_id = src.id), ''),
              '[]', src.id, 0, src.created_at
       FROM person src WHERE ${where}`,
  },
};

/** Replaces the document of one row: delete what was indexed, insert what the source says now. */
export const refreshDoc = (dialect: Dialect, source: Source, idExpr: string) => [
  `DELETE FROM search_document WHERE kind = '${source.kind}' AND ref_id = ${idExpr}`,
  `INSERT INTO search_document (${DOC_COLUMNS}) ${source.select(dialect, `src.id = ${idExpr}`)}`,
];

export const deleteDoc = (source: Source, idExpr: string) => [
  `DELETE FROM search_document WHERE kind = '${source.kind}' AND ref_id = ${idExpr}`,
];

export type TriggerSpec = {
  name: string;
  table: string;
  /** e.g. 'INSERT', 'DELETE', 'UPDATE OF title, body' */
  on: string;
  statements: string[];
};

/** One trigger in the dialect's own syntax; the statements use NEW/OLD the same way in both. */
export function createTriggerSql(dialect: Dialect, t: TriggerSpec): string[] {
  const body = t.statements.map((s) => `${s};`).join('\n  ');
  if (dialect === 'sqlite') return [`CREATE TRIGGER ${t.name} AFTER ${t.on} ON ${t.table} FOR EACH ROW BEGIN\n  ${body}\nEND`];
  return [
    `CREATE FUNCTION ${t.name}_fn() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  ${body}\n  RETURN NULL;\nEND\n$$`,
    `CREATE TRIGGER ${t.name} AFTER ${t.on} ON ${t.table} FOR EACH ROW EXECUTE FUNCTION ${t.name}_fn()`,
  ];
}

/** The triggers of knowledge pages (migration 0007, after the page table of 0006). */
export function pageTriggers(dialect: Dialect): TriggerSpec[] {
  const { page } = SOURCES;
  return [
    { name: 'search_page_ins', table: 'page', on: 'INSERT', statements: refreshDoc(dialect, page, 'NEW.id') },
    {
      name: 'search_page_upd',
      table: 'page',
      on: 'UPDATE OF title, body_source, tags, status, community_id, owner_id',
      statements: refreshDoc(dialect, page, 'NEW.id'),
    },
    { name: 'search_page_del', table: 'page', on: 'DELETE', statements: deleteDoc(page, 'OLD.id') },
  ];
}

/** Every trigger that keeps the index in step with the tables above, in the writes' own transactions. */
export function contentTriggers(dialect: Dialect): TriggerSpec[] {
  const { community, thread, post, event, person } = SOURCES;
  const isFirstPost = (id: string) => `EXISTS (SELECT 1 FROM thread ft WHERE ft.id = ${id}.thread_id AND ft.first_post_id = ${id}.id)`;
  const refreshThreadOf = (row: string) => [
    `DELETE FROM search_document WHERE kind = 'thread' AND ref_id = ${row}.thread_id AND ${isFirstPost(row)}`,
    `INSERT INTO search_document (${DOC_COLUMNS}) ${thread.select(dialect, `src.id = ${row}.thread_id AND src.first_post_id = ${row}.id`)}`,
  ];
  return [
    { name: 'search_community_ins', table: 'community', on: 'INSERT', statements: refreshDoc(dialect, community, 'NEW.id') },
    {
      name: 'search_community_upd',
      table: 'community',
      on: 'UPDATE OF name, domain',
      statements: refreshDoc(dialect, community, 'NEW.id'),
    },
    { name: 'search_community_del', table: 'community', on: 'DELETE', statements: deleteDoc(community, 'OLD.id') },

    { name: 'search_thread_ins', table: 'thread', on: 'INSERT', statements: refreshDoc(dialect, thread, 'NEW.id') },
    {
      name: 'search_thread_upd',
      table: 'thread',
      on: 'UPDATE OF title, tags, community_id, anonymous, first_post_id',
      statements: [
        ...refreshDoc(dialect, thread, 'NEW.id'),
        // Replies carry their thread's community (for permissions) and tags (for the filter).
        `UPDATE search_document SET community_id = NEW.community_id, tags = NEW.tags WHERE kind = 'post' AND thread_id = NEW.id`,
      ],
    },
    {
      name: 'search_thread_accept',
      table: 'thread',
      on: 'UPDATE OF accepted_post_id',
      statements: [
        `UPDATE search_document SET accepted = CASE WHEN ref_id = NEW.accepted_post_id THEN 1 ELSE 0 END
         WHERE kind = 'post' AND thread_id = NEW.id AND (accepted = 1 OR ref_id = NEW.accepted_post_id)`,
      ],
    },
    { name: 'search_thread_del', table: 'thread', on: 'DELETE', statements: deleteDoc(thread, 'OLD.id') },

    {
      name: 'search_post_ins',
      table: 'post',
      on: 'INSERT',
      statements: [...refreshDoc(dialect, post, 'NEW.id'), ...refreshThreadOf('NEW')],
    },
    {
      name: 'search_post_upd',
      table: 'post',
      on: 'UPDATE OF body, deleted_at, hidden_at, anonymous',
      statements: [...refreshDoc(dialect, post, 'NEW.id'), ...refreshThreadOf('NEW')],
    },
    { name: 'search_post_del', table: 'post', on: 'DELETE', statements: deleteDoc(post, 'OLD.id') },

    { name: 'search_event_ins', table: 'event', on: 'INSERT', statements: refreshDoc(dialect, event, 'NEW.id') },
    {
      name: 'search_event_upd',
      table: 'event',
      on: 'UPDATE OF title, description_source, community_id',
      statements: refreshDoc(dialect, event, 'NEW.id'),
    },
    { name: 'search_event_del', table: 'event', on: 'DELETE', statements: deleteDoc(event, 'OLD.id') },

    { name: 'search_person_ins', table: 'person', on: 'INSERT', statements: refreshDoc(dialect, person, 'NEW.id') },
    { name: 'search_person_upd', table: 'person', on: 'UPDATE OF name, title, bio', statements: refreshDoc(dialect, person, 'NEW.id') },
    { name: 'search_person_del', table: 'person', on: 'DELETE', statements: deleteDoc(person, 'OLD.id') },
    { name: 'search_skill_ins', table: 'person_skill', on: 'INSERT', statements: refreshDoc(dialect, person, 'NEW.person_id') },
    { name: 'search_skill_del', table: 'person_skill', on: 'DELETE', statements: refreshDoc(dialect, person, 'OLD.person_id') },
  ];
}

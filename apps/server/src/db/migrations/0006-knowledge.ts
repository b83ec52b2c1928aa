import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { timestamp } from './0001-foundation.ts';

/**
 * Knowledge: pages with revisions, the links between them, and whiteboards. Title, body and
 * tags stay plain columns (`page.title`, `page.body_source`, `page.tags`) so that search can
 * index them like threads; drafts (`status = 'draft'`) are their owner's and must not be found.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);

  await db.schema
    .createTable('page')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    // A page with sub-pages cannot be deleted (409 page.has_children), so no cascade here.
    .addColumn('parent_id', 'text', (c) => c.references('page.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // The title as links name it (trimmed, spaces collapsed, lower case), computed in one place in
    // code so that both dialects agree on what "the same title" is.
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON array, for display and search; page_tag holds them for filtering.
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('body_source', 'text', (c) => c.notNull())
    // Rendered at write (and again when a page it links to appears, is renamed or goes away).
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('toc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // A calendar date, YYYY-MM-DD: text compares correctly on both dialects.
    .addColumn('review_by', 'text', (c) => c.notNull())
    .addColumn('last_confirmed_at', ts)
    .addColumn('origin_type', 'text')
    .addColumn('origin_id', 'text')
    .addColumn('origin_title', 'text')
    .addColumn('origin_link', 'text')
    .addColumn('created_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Titles are unique per community regardless of case: they are what [[links]] name.
  await db.schema.createIndex('page_title_unique').on('page').columns(['community_id', 'title_key']).unique().execute();
  // The lists: recently updated, A–Z (by title_key), due for review; and a page's children.
  await db.schema.createIndex('page_community_updated').on('page').columns(['community_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('page_community_review').on('page').columns(['community_id', 'review_by', 'id']).execute();
  await db.schema.createIndex('page_parent').on('page').columns(['parent_id', 'title_key']).execute();
  await db.schema.createIndex('page_origin').on('page').columns(['origin_type', 'origin_id']).execute();

  await db.schema
    .createTable('page_tag')
    .addColumn('page_id', 'text', (c) => c.notNull().references('page.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_tag_pk', ['page_id', 'tag'])
    .execute();
  await db.schema.createIndex('page_tag_tag').on('page_tag').columns(['tag', 'page_id']).execute();

  // Every save, the first included, as written: title and source (HTML is rendered on demand).
  await db.schema
    .createTable('page_revision')
    .addColumn('page_id', 'text', (c) => c.notNull().references('page.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('author_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('page_revision_pk', ['page_id', 'version'])
    .execute();

  // Outgoing [[links]] by the title they name, resolved or not: backlinks are the links naming a
  // page's title, and when a title appears, changes or goes away, these say whom to re-render.
  await db.schema
    .createTable('page_link')
    .addColumn('source_page_id', 'text', (c) => c.notNull().references('page.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_link_pk', ['source_page_id', 'target_key'])
    .execute();
  await db.schema.createIndex('page_link_target').on('page_link').columns(['community_id', 'target_key']).execute();

  await db.schema
    .createTable('whiteboard')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scene', 'text', (c) => c.notNull())
    // Sanitised at write; served as image/svg+xml under a script-less CSP.
    .addColumn('preview_svg', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('whiteboard_community_updated').on('whiteboard').columns(['community_id', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('whiteboard_revision')
    .addColumn('whiteboard_id', 'text', (c) => c.notNull().references('whiteboard.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scene', 'text', (c) => c.notNull())
    .addColumn('preview_svg', 'text')
    .addColumn('summary', 'text')
    .addColumn('author_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('whiteboard_revision_pk', ['whiteboard_id', 'version'])
    .execute();

  // Which whiteboards a page embeds (![[whiteboard:<id>]]), in the order they first appear.
  await db.schema
    .createTable('page_whiteboard')
    .addColumn('page_id', 'text', (c) => c.notNull().references('page.id').onDelete('cascade'))
    .addColumn('whiteboard_id', 'text', (c) => c.notNull().references('whiteboard.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_whiteboard_pk', ['page_id', 'whiteboard_id'])
    .execute();
  await db.schema.createIndex('page_whiteboard_whiteboard').on('page_whiteboard').column('whiteboard_id').execute();
}

import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { timestamp } from './0001-foundation.ts';

/**
 * Threads, posts and everything hanging off them. Yes/no columns are integers 0/1 on both
 * dialects (SQLite has no boolean), so rows read the same everywhere.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);

  await db.schema
    .createTable('thread')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON array for display; thread_tag holds the same tags for filtering.
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('state', 'text')
    // Kept for the asker's rights even when anonymous; never selected into a response.
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    // No foreign key: the thread and its first post are inserted together, each naming the other.
    .addColumn('first_post_id', 'text', (c) => c.notNull())
    .addColumn('accepted_post_id', 'text')
    // Denormalised so lists and unread counts never count posts on the hot path.
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', ts, (c) => c.notNull())
    .addColumn('first_answer_at', ts)
    .addColumn('accepted_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // A community's list: pinned first, then latest activity.
  await db.schema
    .createIndex('thread_community_activity')
    .on('thread')
    .columns(['community_id', 'pinned', 'last_activity_at', 'id'])
    .execute();
  // The list across every community one can read.
  await db.schema.createIndex('thread_activity').on('thread').columns(['last_activity_at', 'id']).execute();

  await db.schema
    .createTable('thread_tag')
    .addColumn('thread_id', 'text', (c) => c.notNull().references('thread.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_tag_pk', ['thread_id', 'tag'])
    .execute();
  await db.schema.createIndex('thread_tag_tag').on('thread_tag').columns(['tag', 'thread_id']).execute();

  await db.schema
    .createTable('post')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('thread.id').onDelete('cascade'))
    // 1-based position in the thread; read positions and unread counts are differences of it.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('quoted_post_id', 'text', (c) => c.references('post.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('edited_at', ts)
    .addColumn('deleted_at', ts)
    .addColumn('hidden_at', ts)
    .execute();
  // The thread page: keyset on (created_at, id) within a thread.
  await db.schema.createIndex('post_thread_created').on('post').columns(['thread_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('post_thread_seq').on('post').columns(['thread_id', 'seq']).unique().execute();

  await db.schema
    .createTable('post_revision')
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('post_revision_pk', ['post_id', 'version'])
    .execute();

  await db.schema
    .createTable('post_mention')
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    // The post's creation time, copied so "my mentions" pages on one index.
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('post_mention_pk', ['post_id', 'person_id'])
    .execute();
  await db.schema.createIndex('post_mention_person').on('post_mention').columns(['person_id', 'created_at', 'post_id']).execute();

  await db.schema
    .createTable('post_reaction')
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('post_reaction_pk', ['post_id', 'reaction', 'person_id'])
    .execute();

  await db.schema
    .createTable('post_flag')
    .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .addColumn('resolution', 'text')
    .addPrimaryKeyConstraint('post_flag_pk', ['post_id', 'person_id'])
    .execute();
  await db.schema.createIndex('post_flag_open').on('post_flag').columns(['resolved_at', 'post_id']).execute();

  await db.schema
    .createTable('thread_read')
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.notNull().references('thread.id').onDelete('cascade'))
    .addColumn('last_read_seq', 'integer', (c) => c.notNull())
    .addColumn('last_read_post_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_read_pk', ['person_id', 'thread_id'])
    .execute();

  // The audit log API pages newest first.
  await db.schema.createIndex('audit_log_created').on('audit_log').columns(['created_at', 'id']).execute();
}

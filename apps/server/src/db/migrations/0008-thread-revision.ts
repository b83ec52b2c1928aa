import { type Kysely, sql } from 'kysely';
import { createTriggerSql, type TriggerSpec } from '../../platform/search/sources.ts';
import type { Dialect } from '../database.ts';

/**
 * `thread.revision` counts every change to what a thread's pages of posts show: a post written,
 * edited, hidden, restored or deleted, a reaction added or taken back. The thread page cache
 * (modules/conversations/thread-page-cache.ts) keeps a rendered page only as long as the
 * revision it was read at is current, so it is right on every instance that shares the
 * database, with no invalidation message to miss. Triggers, not service code, bump it: every
 * write path is covered, including ones written later, in the writing transaction itself.
 */
export function threadRevisionTriggers(): TriggerSpec[] {
  const bump = (threadId: string) => `UPDATE thread SET revision = revision + 1 WHERE id = ${threadId}`;
  const bumpOfPost = (postId: string) => bump(`(SELECT p.thread_id FROM post p WHERE p.id = ${postId})`);
  return [
    { name: 'thread_revision_post_ins', table: 'post', on: 'INSERT', statements: [bump('NEW.thread_id')] },
    { name: 'thread_revision_post_upd', table: 'post', on: 'UPDATE', statements: [bump('NEW.thread_id')] },
    { name: 'thread_revision_post_del', table: 'post', on: 'DELETE', statements: [bump('OLD.thread_id')] },
    { name: 'thread_revision_reaction_ins', table: 'post_reaction', on: 'INSERT', statements: [bumpOfPost('NEW.post_id')] },
    { name: 'thread_revision_reaction_del', table: 'post_reaction', on: 'DELETE', statements: [bumpOfPost('OLD.post_id')] },
  ];
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('thread')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const trigger of threadRevisionTriggers()) {
    for (const statement of createTriggerSql(dialect, trigger)) await sql.raw(statement).execute(db);
  }
}

import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { timestamp } from './0001-foundation.ts';

/**
 * Starting and growing a community: proposals and their interest, charters with revisions,
 * lifecycle stages, skills with a level, "invite to answer", and newcomer paths.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);

  await db.schema
    .createTable('proposal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('why_now', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('first_focus', 'text', (c) => c.notNull())
    .addColumn('proposer_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // Set at launch; the proposal stays readable from the community it became.
    .addColumn('community_id', 'text', (c) => c.references('community.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    .execute();
  // The proposal list: newest first, usually only open ones.
  await db.schema.createIndex('proposal_status_created').on('proposal').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('proposal_community').on('proposal').column('community_id').execute();

  await db.schema
    .createTable('proposal_interest')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposal.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    // One signal of each kind per person: toggling is insert / delete of this key.
    .addPrimaryKeyConstraint('proposal_interest_pk', ['proposal_id', 'person_id', 'kind'])
    .execute();

  await db.schema
    .createTable('proposal_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposal.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_comment_created').on('proposal_comment').columns(['proposal_id', 'created_at', 'id']).execute();

  // One row per community: the current charter. Markdown is rendered once, at write.
  await db.schema
    .createTable('charter')
    .addColumn('community_id', 'text', (c) => c.primaryKey().references('community.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('purpose_html', 'text', (c) => c.notNull())
    .addColumn('scope_in', 'text', (c) => c.notNull())
    .addColumn('scope_in_html', 'text', (c) => c.notNull())
    .addColumn('scope_out', 'text', (c) => c.notNull())
    .addColumn('scope_out_html', 'text', (c) => c.notNull())
    .addColumn('quarter', 'text')
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('goals_html', 'text', (c) => c.notNull())
    .addColumn('norms', 'text', (c) => c.notNull())
    .addColumn('norms_html', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // Every saved version, the first included, as written (sources only: HTML is re-rendered on demand).
  await db.schema
    .createTable('charter_revision')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('scope_in', 'text', (c) => c.notNull())
    .addColumn('scope_out', 'text', (c) => c.notNull())
    .addColumn('quarter', 'text')
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('norms', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('charter_revision_pk', ['community_id', 'version'])
    .execute();

  await db.schema
    .createTable('community_stage_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('from_stage', 'text', (c) => c.notNull())
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('successor_id', 'text', (c) => c.references('community.id').onDelete('set null'))
    .addColumn('changed_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('community_stage_change_community')
    .on('community_stage_change')
    .columns(['community_id', 'created_at'])
    .execute();

  // A closed community may point to the one that carries on its work (a merge).
  await db.schema
    .alterTable('community')
    .addColumn('successor_id', 'text', (c) => c.references('community.id').onDelete('set null'))
    .execute();

  // "Ask me about": 1 = learning, 2 = working knowledge, 3 = can teach it.
  await db.schema
    .alterTable('person_skill')
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('thread_invitation')
    .addColumn('thread_id', 'text', (c) => c.notNull().references('thread.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('invited_by', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_invitation_pk', ['thread_id', 'person_id'])
    .execute();
  await db.schema.createIndex('thread_invitation_person').on('thread_invitation').columns(['person_id', 'created_at']).execute();

  await db.schema
    .createTable('newcomer_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('thread_id', 'text', (c) => c.references('thread.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('newcomer_item_community').on('newcomer_item').columns(['community_id', 'position']).execute();

  await db.schema
    .createTable('newcomer_progress')
    .addColumn('item_id', 'text', (c) => c.notNull().references('newcomer_item.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('done_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('newcomer_progress_pk', ['item_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('newcomer_buddy')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('buddy_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('newcomer_buddy_pk', ['community_id', 'person_id'])
    .execute();

  // Activity reads (core health, expertise) look posts up by author.
  await sql`create index post_author_created on post (author_id, created_at)`.execute(db);
}

import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { timestamp } from './0001-foundation.ts';

/**
 * The rhythm of a community: event series, the occurrences that have something attached,
 * RSVPs and attendance, agenda, talk backlog, reading list, live questions, reflections and
 * calendar feeds.
 *
 * Local times ('YYYY-MM-DDTHH:mm' in the event's zone) are text on both dialects: they are
 * wall-clock times, not instants, and sort correctly as text. An occurrence row exists only
 * once something attaches to it (an RSVP, notes, a cancellation, a move); until then the
 * series' rule is the record.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);

  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_local', 'text', (c) => c.notNull())
    .addColumn('tz', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    // Canonical RRULE without DTSTART (recurrence.ts); null for a one-off session.
    .addColumn('rrule', 'text')
    .addColumn('place', 'text')
    .addColumn('video_url', 'text')
    .addColumn('capacity', 'integer')
    // "This and following" ends a series and starts a new one; the new one remembers where it came from.
    .addColumn('split_from_id', 'text', (c) => c.references('event.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('cancelled_at', ts)
    .execute();
  await db.schema.createIndex('event_community_start').on('event').columns(['community_id', 'start_local', 'id']).execute();

  await db.schema
    .createTable('occurrence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    // The original local start: what RECURRENCE-ID and EXDATE name, stable when the session moves.
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    // Overrides for this one session; null means "as the series says".
    .addColumn('start_local', 'text')
    .addColumn('duration_minutes', 'integer')
    .addColumn('title', 'text')
    .addColumn('place', 'text')
    .addColumn('video_url', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('cancelled_at', ts)
    .addColumn('notes_source', 'text')
    .addColumn('notes_html', 'text')
    .addColumn('slides_url', 'text')
    .addColumn('recording_url', 'text')
    .addColumn('reading_id', 'text')
    .addColumn('discussion_thread_id', 'text', (c) => c.references('thread.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('occurrence_event_key', ['event_id', 'occurrence_key'])
    .execute();
  await db.schema.createIndex('occurrence_event_start').on('occurrence').columns(['event_id', 'start_local']).execute();

  await db.schema
    .createTable('rsvp')
    .addColumn('occurrence_id', 'text', (c) => c.notNull().references('occurrence.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    // When the person last chose "going": the waitlist is served in this order.
    .addColumn('queued_at', ts, (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_in_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('rsvp_pk', ['occurrence_id', 'person_id'])
    .execute();
  await db.schema.createIndex('rsvp_occurrence_status').on('rsvp').columns(['occurrence_id', 'status', 'queued_at']).execute();
  await db.schema.createIndex('rsvp_person').on('rsvp').columns(['person_id', 'status']).execute();

  await db.schema
    .createTable('talk_idea')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('abstract_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('abstract_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('presenter_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scheduled_slot_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('talk_idea_community').on('talk_idea').columns(['community_id', 'vote_count', 'id']).execute();

  await db.schema
    .createTable('talk_vote')
    .addColumn('talk_idea_id', 'text', (c) => c.notNull().references('talk_idea.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('talk_vote_pk', ['talk_idea_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('agenda_slot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurrence_id', 'text', (c) => c.notNull().references('occurrence.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('duration_minutes', 'integer')
    .addColumn('talk_idea_id', 'text', (c) => c.references('talk_idea.id').onDelete('set null'))
    // Problem-solving sessions take open challenge threads into their agenda.
    .addColumn('thread_id', 'text', (c) => c.references('thread.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_slot_occurrence').on('agenda_slot').columns(['occurrence_id', 'position']).execute();

  await db.schema
    .createTable('reading')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('suggested_by', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reading_community').on('reading').columns(['community_id', 'vote_count', 'id']).execute();

  await db.schema
    .createTable('reading_vote')
    .addColumn('reading_id', 'text', (c) => c.notNull().references('reading.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('reading_vote_pk', ['reading_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('session_question')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurrence_id', 'text', (c) => c.notNull().references('occurrence.id').onDelete('cascade'))
    // Kept for the asker's rights even when anonymous; never selected into a response.
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_at', ts)
    .addColumn('thread_id', 'text', (c) => c.references('thread.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_question_occurrence').on('session_question').columns(['occurrence_id', 'vote_count']).execute();

  await db.schema
    .createTable('session_question_vote')
    .addColumn('question_id', 'text', (c) => c.notNull().references('session_question.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('session_question_vote_pk', ['question_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('reflection')
    .addColumn('occurrence_id', 'text', (c) => c.notNull().references('occurrence.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('learned', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('will_try', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unclear', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('reflection_pk', ['occurrence_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('calendar_feed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.references('community.id').onDelete('cascade'))
    // The secret is the credential of a feed URL; only its hash is stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('calendar_feed_person').on('calendar_feed').columns(['person_id', 'created_at']).execute();
}

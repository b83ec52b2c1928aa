/** Row shapes of the events room. */
// The rhythm of a community (0003-events). Local times are 'YYYY-MM-DDTHH:mm' in the event's zone.

export interface EventTable {
  id: string;
  community_id: string;
  format: 'lunch-and-learn' | 'demo-day' | 'problem-solving' | 'journal-club' | 'other';
  title: string;
  description_source: string;
  description_html: string;
  start_local: string;
  tz: string;
  duration_minutes: number;
  /** Canonical RRULE, UNTIL as a local time (modules/events/recurrence.ts); null for a one-off. */
  rrule: string | null;
  place: string | null;
  video_url: string | null;
  capacity: number | null;
  split_from_id: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}

export interface OccurrenceTable {
  id: string;
  event_id: string;
  /** The original local start; overrides below leave it unchanged. */
  occurrence_key: string;
  start_local: string | null;
  duration_minutes: number | null;
  title: string | null;
  place: string | null;
  video_url: string | null;
  capacity: number | null;
  cancelled_at: string | null;
  notes_source: string | null;
  notes_html: string | null;
  slides_url: string | null;
  recording_url: string | null;
  reading_id: string | null;
  discussion_thread_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RsvpTable {
  occurrence_id: string;
  person_id: string;
  status: 'going' | 'maybe' | 'not_going' | 'waitlisted';
  queued_at: string;
  attended: number;
  checked_in_at: string | null;
  updated_at: string;
}

export interface AgendaSlotTable {
  id: string;
  occurrence_id: string;
  position: number;
  title: string;
  presenter_id: string | null;
  duration_minutes: number | null;
  talk_idea_id: string | null;
  thread_id: string | null;
  created_at: string;
}

export interface TalkIdeaTable {
  id: string;
  community_id: string;
  kind: 'talk' | 'demo';
  title: string;
  abstract_source: string;
  abstract_html: string;
  presenter_id: string;
  vote_count: number;
  scheduled_slot_id: string | null;
  created_at: string;
}

export interface TalkVoteTable {
  talk_idea_id: string;
  person_id: string;
  created_at: string;
}

export interface ReadingTable {
  id: string;
  community_id: string;
  kind: 'article' | 'paper' | 'book-chapter' | 'talk';
  url: string;
  title: string;
  why: string;
  suggested_by: string;
  vote_count: number;
  created_at: string;
}

export interface ReadingVoteTable {
  reading_id: string;
  person_id: string;
  created_at: string;
}

export interface SessionQuestionTable {
  id: string;
  occurrence_id: string;
  /** Never presented for an anonymous question; authorship reaches services as `is_mine`. */
  author_id: string;
  anonymous: number;
  body: string;
  vote_count: number;
  answered_at: string | null;
  thread_id: string | null;
  created_at: string;
}

export interface SessionQuestionVoteTable {
  question_id: string;
  person_id: string;
  created_at: string;
}

export interface ReflectionTable {
  occurrence_id: string;
  person_id: string;
  learned: string;
  will_try: string;
  unclear: string;
  rating: number;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedTable {
  id: string;
  person_id: string;
  scope: 'community' | 'person';
  community_id: string | null;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

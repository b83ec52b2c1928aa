import type { Generated } from 'kysely';

/**
 * Row shapes as stored. Timestamps are ISO-8601 strings on both dialects (PostgreSQL's
 * timestamptz is parsed back to ISO text in database.ts), so code never branches on them.
 */
export interface PersonTable {
  id: string;
  email: string;
  password_hash: string;
  name: string;
  team_id: string | null;
  title: string | null;
  seniority: string | null;
  bio: string | null;
  org_role: 'admin' | 'member';
  created_at: string;
}

export interface PersonSkillTable {
  person_id: string;
  skill: string;
  /** 1 = learning, 2 = working knowledge, 3 = can teach it (0004-growth). */
  level: Generated<number>;
}

export interface TeamTable {
  id: string;
  name: string;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  person_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  person_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InviteTable {
  id: string;
  token_hash: string;
  email: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_by: string | null;
  used_at: string | null;
}

export interface CommunityTable {
  id: string;
  slug: string;
  name: string;
  domain: string;
  category: string;
  cadence: string;
  visibility: 'open' | 'private';
  stage: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** A closed community may point to the one that carries on its work (0004-growth). */
  successor_id?: string | null;
}

export interface MembershipTable {
  community_id: string;
  person_id: string;
  role: 'facilitator' | 'core' | 'member';
  status: 'active' | 'requested' | 'invited';
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  detail: string | null;
  created_at: string;
}

export interface OrgSettingTable {
  key: string;
  value: string;
}

export interface ThreadTable {
  id: string;
  community_id: string;
  kind: 'discussion' | 'question' | 'challenge';
  title: string;
  /** JSON array of tags, for display; thread_tag holds them for filtering. */
  tags: string;
  state: 'unanswered' | 'answered' | 'open' | 'being-worked' | 'solved' | null;
  /** Never presented for an anonymous thread; authorship reaches services as `is_mine`. */
  author_id: string;
  anonymous: number;
  pinned: number;
  locked: number;
  first_post_id: string;
  accepted_post_id: string | null;
  post_count: number;
  last_activity_at: string;
  first_answer_at: string | null;
  accepted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ThreadTagTable {
  thread_id: string;
  tag: string;
}

export interface PostTable {
  id: string;
  thread_id: string;
  /** 1-based position in the thread. */
  seq: number;
  /** Never presented for an anonymous post; authorship reaches services as `is_mine`. */
  author_id: string;
  anonymous: number;
  body: string;
  body_html: string;
  quoted_post_id: string | null;
  version: number;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  hidden_at: string | null;
}

export interface PostRevisionTable {
  post_id: string;
  version: number;
  body: string;
  body_html: string;
  created_at: string;
}

export interface PostMentionTable {
  post_id: string;
  person_id: string;
  created_at: string;
}

export interface PostReactionTable {
  post_id: string;
  person_id: string;
  reaction: string;
  created_at: string;
}

export interface PostFlagTable {
  post_id: string;
  person_id: string;
  reason: string;
  created_at: string;
  resolved_at: string | null;
  resolution: 'hidden' | 'restored' | 'dismissed' | null;
}

export interface ThreadReadTable {
  person_id: string;
  thread_id: string;
  last_read_seq: number;
  last_read_post_id: string;
  updated_at: string;
}

export interface Tables {
  person: PersonTable;
  person_skill: PersonSkillTable;
  team: TeamTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  invite: InviteTable;
  community: CommunityTable;
  membership: MembershipTable;
  audit_log: AuditLogTable;
  org_setting: OrgSettingTable;
  thread: ThreadTable;
  thread_tag: ThreadTagTable;
  post: PostTable;
  post_revision: PostRevisionTable;
  post_mention: PostMentionTable;
  post_reaction: PostReactionTable;
  post_flag: PostFlagTable;
  thread_read: ThreadReadTable;
  event: EventTable;
  occurrence: OccurrenceTable;
  rsvp: RsvpTable;
  agenda_slot: AgendaSlotTable;
  talk_idea: TalkIdeaTable;
  talk_vote: TalkVoteTable;
  reading: ReadingTable;
  reading_vote: ReadingVoteTable;
  session_question: SessionQuestionTable;
  session_question_vote: SessionQuestionVoteTable;
  reflection: ReflectionTable;
  calendar_feed: CalendarFeedTable;
  proposal: ProposalTable;
  proposal_interest: ProposalInterestTable;
  proposal_comment: ProposalCommentTable;
  charter: CharterTable;
  charter_revision: CharterRevisionTable;
  community_stage_change: CommunityStageChangeTable;
  thread_invitation: ThreadInvitationTable;
  newcomer_item: NewcomerItemTable;
  newcomer_progress: NewcomerProgressTable;
  newcomer_buddy: NewcomerBuddyTable;
}

// Starting and growing a community (0004-growth).

export interface ProposalTable {
  id: string;
  topic: string;
  why_now: string;
  problem: string;
  category: string;
  first_focus: string;
  proposer_id: string;
  status: 'open' | 'launched' | 'withdrawn';
  community_id: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface ProposalInterestTable {
  proposal_id: string;
  person_id: string;
  kind: 'join' | 'lead' | 'present';
  note: string | null;
  created_at: string;
}

export interface ProposalCommentTable {
  id: string;
  proposal_id: string;
  author_id: string;
  body: string;
  body_html: string;
  created_at: string;
}

export interface CharterTable {
  community_id: string;
  purpose: string;
  purpose_html: string;
  scope_in: string;
  scope_in_html: string;
  scope_out: string;
  scope_out_html: string;
  quarter: string | null;
  goals: string;
  goals_html: string;
  norms: string;
  norms_html: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface CharterRevisionTable {
  community_id: string;
  version: number;
  purpose: string;
  scope_in: string;
  scope_out: string;
  quarter: string | null;
  goals: string;
  norms: string;
  edited_by: string | null;
  created_at: string;
}

export interface CommunityStageChangeTable {
  id: string;
  community_id: string;
  from_stage: string;
  to_stage: string;
  note: string | null;
  successor_id: string | null;
  changed_by: string | null;
  created_at: string;
}

export interface ThreadInvitationTable {
  thread_id: string;
  person_id: string;
  invited_by: string;
  created_at: string;
}

export interface NewcomerItemTable {
  id: string;
  community_id: string;
  kind: 'page' | 'session' | 'thread' | 'text';
  title: string;
  url: string | null;
  thread_id: string | null;
  body: string;
  body_html: string;
  position: number;
  created_by: string | null;
  created_at: string;
}

export interface NewcomerProgressTable {
  item_id: string;
  person_id: string;
  done_at: string;
}

export interface NewcomerBuddyTable {
  community_id: string;
  person_id: string;
  buddy_id: string;
  created_at: string;
}

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

// Generated is re-exported for tables that later use database-assigned columns.
export type { Generated };

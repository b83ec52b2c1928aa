import type { Generated } from 'kysely';
import type {
  AgendaSlotTable,
  CalendarFeedTable,
  EventTable,
  OccurrenceTable,
  ReadingTable,
  ReadingVoteTable,
  ReflectionTable,
  RsvpTable,
  SessionQuestionTable,
  SessionQuestionVoteTable,
  TalkIdeaTable,
  TalkVoteTable,
} from './tables-events.ts';
import type {
  CharterRevisionTable,
  CharterTable,
  CommunityStageChangeTable,
  NewcomerBuddyTable,
  NewcomerItemTable,
  NewcomerProgressTable,
  ProposalCommentTable,
  ProposalInterestTable,
  ProposalTable,
  ThreadInvitationTable,
} from './tables-growth.ts';
import type {
  PageLinkTable,
  PageRevisionTable,
  PageTable,
  PageTagTable,
  PageWhiteboardTable,
  WhiteboardRevisionTable,
  WhiteboardTable,
} from './tables-knowledge.ts';
import type { SearchDocumentTable } from './tables-search.ts';

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
  /** Bumped by triggers (migration 0008) whenever the thread's posts or their reactions change. */
  revision: Generated<number>;
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
  page: PageTable;
  page_tag: PageTagTable;
  page_revision: PageRevisionTable;
  page_link: PageLinkTable;
  page_whiteboard: PageWhiteboardTable;
  whiteboard: WhiteboardTable;
  whiteboard_revision: WhiteboardRevisionTable;
  search_document: SearchDocumentTable;
}

export type * from './tables-events.ts';
export type * from './tables-growth.ts';
export type * from './tables-knowledge.ts';
export type * from './tables-search.ts';

// Generated is re-exported for tables that later use database-assigned columns.
export type { Generated };

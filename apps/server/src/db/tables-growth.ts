/** Row shapes of the growth rooms: proposals, charters, stages, newcomer paths. */
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

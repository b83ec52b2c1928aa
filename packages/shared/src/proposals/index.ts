import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';
import { Cadence, Category, Community, Slug, Visibility } from '../communities/index.ts';
import { PersonSummary, Seniority } from '../people/index.ts';

/** "I'd join", "I'd help lead", "I could give the first talk". */
export const INTEREST_KINDS = ['join', 'lead', 'present'] as const;
export const InterestKind = z.enum(INTEREST_KINDS);
export type InterestKind = z.infer<typeof InterestKind>;
export const INTEREST_LABELS: Record<InterestKind, string> = {
  join: "I'd join",
  lead: "I'd help lead",
  present: 'I could give the first talk',
};

export const ProposalStatus = z.enum(['open', 'launched', 'withdrawn']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** The brief's advice, shown beside the "first focus" field of the proposal form. */
export const FIRST_FOCUS_ADVICE =
  "Identify the focus: don't try to boil the ocean. Start with a specific, well-defined area where knowledge sharing would have a significant impact.";

/** When a proposal is ready to launch; an org admin sets it (default 5 interested, 2 leading, 2 teams). */
export const ProposalThreshold = z.strictObject({
  interested: z.number().int().min(1).max(100),
  leaders: z.number().int().min(1).max(20),
  teams: z.number().int().min(1).max(20),
});
export type ProposalThreshold = z.infer<typeof ProposalThreshold>;
export const DEFAULT_PROPOSAL_THRESHOLD: ProposalThreshold = { interested: 5, leaders: 2, teams: 2 };

/**
 * How far a proposal is from its threshold. The proposer counts as interested and as willing
 * to lead (they become the facilitator at launch). `missing` names each unmet part.
 */
export const Readiness = z.object({
  ready: z.boolean(),
  interested: z.number().int(),
  leaders: z.number().int(),
  teams: z.number().int(),
  threshold: ProposalThreshold,
  missing: z.array(z.object({ what: z.enum(['interested', 'leaders', 'teams']), have: z.number().int(), need: z.number().int() })),
});
export type Readiness = z.infer<typeof Readiness>;

const longText = (min: number, message: string) => z.string().trim().min(min, { message }).max(2000);

export const CreateProposalInput = z.strictObject({
  topic: line(80),
  whyNow: longText(10, 'Say in a sentence why now'),
  problem: longText(10, 'Say which problem it would help with'),
  category: Category,
  firstFocus: z.string().trim().min(10, { message: 'Name one narrow first focus' }).max(300),
});
export type CreateProposalInput = z.infer<typeof CreateProposalInput>;

export const ProposalCommunityLink = z.object({ slug: z.string(), name: z.string() }).nullable();

export const ProposalSummary = z.object({
  id: Id,
  topic: z.string(),
  category: Category,
  firstFocus: z.string(),
  status: ProposalStatus,
  proposer: PersonSummary,
  readiness: Readiness,
  /** The signals the viewer gave. */
  myInterest: z.array(InterestKind),
  /** The community it became, when the viewer may see it. */
  community: ProposalCommunityLink,
  createdAt: Timestamp,
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const InterestedPerson = z.object({
  person: PersonSummary,
  kinds: z.array(InterestKind),
  /** Notes by kind, where one was left. */
  notes: z.partialRecord(InterestKind, z.string()),
});
export type InterestedPerson = z.infer<typeof InterestedPerson>;

export const Proposal = ProposalSummary.extend({
  whyNow: z.string(),
  problem: z.string(),
  interested: z.array(InterestedPerson),
  byTeam: z.array(z.object({ team: z.object({ id: Id, name: z.string() }).nullable(), count: z.number().int() })),
  bySeniority: z.array(z.object({ seniority: Seniority.nullable(), count: z.number().int() })),
  commentCount: z.number().int(),
  canLaunch: z.boolean(),
  canWithdraw: z.boolean(),
  closedAt: Timestamp.nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalListQuery = z.strictObject({
  status: ProposalStatus.default('open'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;

export const InterestInput = z.strictObject({ note: z.string().trim().max(500).optional() });
export type InterestInput = z.infer<typeof InterestInput>;

export const ProposalComment = z.object({
  id: Id,
  author: PersonSummary,
  body: z.string(),
  bodyHtml: z.string(),
  createdAt: Timestamp,
});
export type ProposalComment = z.infer<typeof ProposalComment>;

export const CreateProposalCommentInput = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

export const ProposalCommentQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ProposalCommentQuery = z.infer<typeof ProposalCommentQuery>;

export const SimilarQuery = z.strictObject({ topic: z.string().trim().min(2).max(200) });

/** Existing communities and open proposals sharing words with a topic, best match first. */
export const SimilarResult = z.object({
  communities: z.array(z.object({ slug: z.string(), name: z.string(), domain: z.string(), stage: z.string(), score: z.number() })),
  proposals: z.array(z.object({ id: Id, topic: z.string(), firstFocus: z.string(), score: z.number() })),
});
export type SimilarResult = z.infer<typeof SimilarResult>;

export const LaunchProposalInput = z.strictObject({
  slug: Slug,
  /** Defaults to the proposal's topic. */
  name: line(80).optional(),
  /** Defaults to the proposal's first focus. */
  domain: z.string().trim().min(10).max(1000).optional(),
  cadence: Cadence.default('monthly'),
  visibility: Visibility.default('open'),
});
export type LaunchProposalInput = z.infer<typeof LaunchProposalInput>;
export type LaunchProposalRequest = z.input<typeof LaunchProposalInput>;

export const LaunchResult = z.object({ proposal: Proposal, community: Community, invited: z.number().int() });
export type LaunchResult = z.infer<typeof LaunchResult>;

/** Event types this room publishes on the stream (payloads carry ids to refetch). */
export const PROPOSAL_EVENTS = {
  created: 'proposal.created',
  interest: 'proposal.interest_changed',
  commented: 'proposal.commented',
  launched: 'proposal.launched',
  withdrawn: 'proposal.withdrawn',
} as const;

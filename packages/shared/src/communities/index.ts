import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';
import { PersonSummary, Seniority } from '../people/index.ts';

export const CATEGORIES = ['new-technology', 'cross-cutting-concern', 'recurring-struggle'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;
export const CATEGORY_LABELS: Record<Category, string> = {
  'new-technology': 'New technology',
  'cross-cutting-concern': 'Cross-cutting concern',
  'recurring-struggle': 'Recurring struggle',
};

export const CADENCES = ['weekly', 'bi-weekly', 'monthly', 'ad-hoc'] as const;
export const Cadence = z.enum(CADENCES);
export type Cadence = z.infer<typeof Cadence>;
export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  'bi-weekly': 'Every two weeks',
  monthly: 'Monthly',
  'ad-hoc': 'Ad hoc',
};

export const Visibility = z.enum(['open', 'private']);
export type Visibility = z.infer<typeof Visibility>;

export const STAGES = ['potential', 'coalescing', 'maturing', 'stewardship', 'archived'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const ROLES = ['facilitator', 'core', 'member'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** active: a member; requested: asked to join a private community; invited: waiting for them to accept. */
export const MembershipStatus = z.enum(['active', 'requested', 'invited']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lowercase letters, digits and single hyphens' });

export const MyMembership = z.object({ role: Role, status: MembershipStatus }).nullable();

export const CommunitySummary = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  domain: z.string(),
  category: Category,
  cadence: Cadence,
  visibility: Visibility,
  stage: Stage,
  memberCount: z.number().int(),
  myMembership: MyMembership,
});
export type CommunitySummary = z.infer<typeof CommunitySummary>;

export const Community = CommunitySummary.extend({
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Facilitators, or org admins, may edit and manage members. */
  canManage: z.boolean(),
});
export type Community = z.infer<typeof Community>;

export const CreateCommunityInput = z.strictObject({
  name: line(80),
  slug: Slug,
  domain: z.string().trim().min(10, { message: 'Say in a sentence what the community is about' }).max(1000),
  category: Category,
  cadence: Cadence,
  visibility: Visibility.default('open'),
});
export type CreateCommunityInput = z.infer<typeof CreateCommunityInput>;
/** What a client sends: defaults may be left out. */
export type CreateCommunityRequest = z.input<typeof CreateCommunityInput>;

export const UpdateCommunityInput = z.strictObject({
  /** The version the editor started from; a stale one is refused with 409. */
  version: z.number().int(),
  name: line(80).optional(),
  domain: z.string().trim().min(10).max(1000).optional(),
  category: Category.optional(),
  cadence: Cadence.optional(),
  visibility: Visibility.optional(),
});
export type UpdateCommunityInput = z.infer<typeof UpdateCommunityInput>;

export const CommunityListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  category: Category.optional(),
  mine: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type CommunityListQuery = z.infer<typeof CommunityListQuery>;
export type CommunityListParams = z.input<typeof CommunityListQuery>;

export const Member = z.object({
  person: PersonSummary,
  role: Role,
  status: MembershipStatus,
  joinedAt: Timestamp,
});
export type Member = z.infer<typeof Member>;

export const MemberListQuery = z.strictObject({
  status: MembershipStatus.default('active'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

/** The outcome of asking to join: a member at once, or waiting for a facilitator. */
export const JoinResult = z.object({ status: z.enum(['active', 'requested']) });
export type JoinResult = z.infer<typeof JoinResult>;

/** Without personId: join (or ask to join, or accept an invitation). With it: invite that person. */
export const AddMemberInput = z.strictObject({ personId: Id.optional() });

export const UpdateMemberInput = z.strictObject({
  role: Role.optional(),
  /** A facilitator approves a join request by setting it active. */
  status: z.literal('active').optional(),
});
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

// Charter, lifecycle and core-group health (starting and growing a community).

/**
 * The safe space the brief asks for, as every new community's starting norms: "a safe space
 * where people feel comfortable asking questions, admitting mistakes, and challenging
 * assumptions … share those insights with others". Facilitators edit it from there.
 */
export const SAFE_SPACE_NORMS = [
  '- **Questions are welcome.** There are no silly questions; someone else is wondering too.',
  '- **Mistakes are discussed blamelessly.** We look at what happened and what we learn, not at who.',
  '- **Challenge ideas, not people.** Disagree openly and kindly; assumptions are there to be tested.',
  '- **Share what you learn.** A lesson kept to yourself is learned once; shared, it is learned by all of us.',
].join('\n');

const markdown = (max: number) => z.string().trim().max(max);

export const Charter = z.object({
  /** The domain: what the community is about. */
  purpose: z.string(),
  purposeHtml: z.string(),
  scopeIn: z.string(),
  scopeInHtml: z.string(),
  scopeOut: z.string(),
  scopeOutHtml: z.string(),
  /** e.g. "2026-Q3": the quarter the goals are for. */
  quarter: z.string().nullable(),
  goals: z.string(),
  goalsHtml: z.string(),
  norms: z.string(),
  normsHtml: z.string(),
  /** 0 until first saved (a community created outside the API shows the template). */
  version: z.number().int(),
  updatedAt: Timestamp.nullable(),
  updatedBy: PersonSummary.nullable(),
  canEdit: z.boolean(),
});
export type Charter = z.infer<typeof Charter>;

export const UpdateCharterInput = z.strictObject({
  /** The version the editor started from; a stale one is refused with 409 charter.version_conflict. */
  version: z.number().int().min(0),
  purpose: markdown(4000).optional(),
  scopeIn: markdown(4000).optional(),
  scopeOut: markdown(4000).optional(),
  quarter: z
    .string()
    .trim()
    .regex(/^\d{4}-Q[1-4]$/, { message: 'Write the quarter as 2026-Q3' })
    .nullable()
    .optional(),
  goals: markdown(4000).optional(),
  norms: markdown(8000).optional(),
});
export type UpdateCharterInput = z.infer<typeof UpdateCharterInput>;

export const CharterRevision = z.object({
  version: z.number().int(),
  purpose: z.string(),
  scopeIn: z.string(),
  scopeOut: z.string(),
  quarter: z.string().nullable(),
  goals: z.string(),
  norms: z.string(),
  editedBy: PersonSummary.nullable(),
  createdAt: Timestamp,
});
export type CharterRevision = z.infer<typeof CharterRevision>;

export const CharterRevisionQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CharterRevisionQuery = z.infer<typeof CharterRevisionQuery>;

/** The stages a facilitator may move a community to; "potential" is a proposal's stage. */
export const COMMUNITY_STAGES = ['coalescing', 'maturing', 'stewardship', 'archived'] as const;
export const CommunityStage = z.enum(COMMUNITY_STAGES);
export type CommunityStage = z.infer<typeof CommunityStage>;
export const STAGE_LABELS: Record<Stage, string> = {
  potential: 'Potential',
  coalescing: 'Coalescing',
  maturing: 'Maturing',
  stewardship: 'Stewardship',
  archived: 'Closed',
};

export const ChangeStageInput = z.strictObject({
  stage: CommunityStage,
  /** Required when moving back to an earlier stage. */
  note: z.string().trim().max(2000).optional(),
  /** When closing: the community that carries on the work. */
  successorSlug: z.string().trim().max(100).optional(),
});
export type ChangeStageInput = z.infer<typeof ChangeStageInput>;

export const StageChange = z.object({
  from: Stage,
  to: Stage,
  note: z.string().nullable(),
  by: PersonSummary.nullable(),
  at: Timestamp,
});
export type StageChange = z.infer<typeof StageChange>;

export const Lifecycle = z.object({
  stage: Stage,
  /** Where a closed community's work carries on, when the viewer may see it. */
  successor: z.object({ slug: z.string(), name: z.string() }).nullable(),
  history: z.array(StageChange),
  canChange: z.boolean(),
});
export type Lifecycle = z.infer<typeof Lifecycle>;

export const CORE_GROUP_GUIDANCE = { min: 5, max: 10 } as const;

export const CoreHealth = z.object({
  size: z.number().int(),
  guidance: z.object({ min: z.number().int(), max: z.number().int() }),
  sizeStatus: z.enum(['too-small', 'ok', 'too-large']),
  teams: z.array(z.object({ team: z.object({ id: z.string(), name: z.string() }).nullable(), count: z.number().int() })),
  seniority: z.array(z.object({ seniority: Seniority.nullable(), count: z.number().int() })),
  activeLast30Days: z.number().int(),
  core: z.array(z.object({ person: PersonSummary, role: z.enum(['facilitator', 'core']), lastActiveAt: Timestamp.nullable() })),
  suggestions: z.array(z.object({ code: z.string(), message: z.string() })),
  /** Active members who are not in the core group, by recent activity (named posts only). */
  candidates: z.array(
    z.object({ person: PersonSummary, posts: z.number().int(), answers: z.number().int(), acceptedAnswers: z.number().int() }),
  ),
});
export type CoreHealth = z.infer<typeof CoreHealth>;

export const COMMUNITY_EVENTS = {
  charterUpdated: 'charter.updated',
  stageChanged: 'community.stage_changed',
} as const;

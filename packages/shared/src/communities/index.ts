import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';
import { PersonSummary } from '../people/index.ts';

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

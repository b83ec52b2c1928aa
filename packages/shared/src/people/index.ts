import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';

export const SENIORITIES = ['junior', 'mid', 'senior', 'staff+'] as const;
export const Seniority = z.enum(SENIORITIES);
export type Seniority = z.infer<typeof Seniority>;

export const SENIORITY_LABELS: Record<Seniority, string> = {
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  'staff+': 'Staff+',
};

export const OrgRole = z.enum(['admin', 'member']);
export type OrgRole = z.infer<typeof OrgRole>;

export const Skill = line(40);

/** What anyone signed in may see of a person. */
export const PersonSummary = z.object({
  id: Id,
  name: z.string(),
  title: z.string().nullable(),
  seniority: Seniority.nullable(),
  team: z.object({ id: Id, name: z.string() }).nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const Profile = PersonSummary.extend({
  bio: z.string().nullable(),
  skills: z.array(z.string()),
  orgRole: OrgRole,
  createdAt: Timestamp,
});
export type Profile = z.infer<typeof Profile>;

/** The signed-in person, with what only they may see. */
export const Me = Profile.extend({ email: z.string() });
export type Me = z.infer<typeof Me>;

export const UpdateProfileInput = z.strictObject({
  name: line(80).optional(),
  teamId: Id.nullable().optional(),
  title: z.string().trim().max(80).nullable().optional(),
  seniority: Seniority.nullable().optional(),
  bio: z.string().trim().max(2000).nullable().optional(),
  skills: z.array(Skill).max(30).optional(),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const PeopleQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  teamId: Id.optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;
export type PeopleParams = z.input<typeof PeopleQuery>;

// Expertise: self-declared skills with a level, and expertise derived from activity.

/** "Ask me about": 1 = learning it, 2 = working knowledge, 3 = can teach it. */
export const SkillLevel = z.number().int().min(1).max(3);
export const SKILL_LEVEL_LABELS: Record<1 | 2 | 3, string> = { 1: 'Learning it', 2: 'Working knowledge', 3: 'Can teach it' };
export const DeclaredSkill = z.object({ skill: z.string(), level: SkillLevel });
export type DeclaredSkill = z.infer<typeof DeclaredSkill>;

export const SetSkillsInput = z.strictObject({ skills: z.array(z.strictObject({ skill: Skill, level: SkillLevel })).max(30) });
export type SetSkillsInput = z.infer<typeof SetSkillsInput>;

export const CommunityLink = z.object({ slug: z.string(), name: z.string() });

/**
 * One piece of evidence: what a person did, where, and when. Answers and reactions come from
 * named posts only and never from self-endorsement; talks are agenda slots they presented in a
 * session that took place; pages are published pages they own or created.
 */
export const EvidenceKind = z.enum(['accepted-answer', 'answer', 'reaction', 'talk', 'page']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** Where the evidence can be seen: a post in its thread, a talk in its session, a page. */
export const EvidenceSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('post'), threadId: Id, postId: Id }),
  z.object({ type: z.literal('talk'), eventId: Id, occurrenceKey: z.string(), slotId: Id }),
  z.object({ type: z.literal('page'), pageId: Id }),
]);
export type EvidenceSource = z.infer<typeof EvidenceSource>;

export const Evidence = z.object({
  kind: EvidenceKind,
  /** The thread's title for answers and reactions, the agenda slot's for a talk, the page's for a page. */
  title: z.string(),
  source: EvidenceSource,
  community: CommunityLink,
  /** The thread's or the page's tags; a talk's come from the thread its slot discusses, if any. */
  tags: z.array(z.string()),
  /** For reactions: how many people reacted to that post. */
  count: z.number().int(),
  at: Timestamp,
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * Points per piece of evidence: an accepted answer weighs most, then a talk given, a page
 * written, an answer, and each reaction.
 */
export const EVIDENCE_WEIGHTS: Record<EvidenceKind, number> = { 'accepted-answer': 5, talk: 4, page: 3, answer: 2, reaction: 1 };

export const EvidenceCounts = z.object({
  acceptedAnswers: z.number().int(),
  answers: z.number().int(),
  reactions: z.number().int(),
  talks: z.number().int(),
  pages: z.number().int(),
});
export type EvidenceCounts = z.infer<typeof EvidenceCounts>;

export const DerivedExpertise = z.object({
  /** A thread or page tag, or a community (for evidence without tags). */
  topic: z.string(),
  kind: z.enum(['tag', 'community']),
  community: CommunityLink.nullable(),
  score: z.number(),
  counts: EvidenceCounts,
  evidence: z.array(Evidence),
});
export type DerivedExpertise = z.infer<typeof DerivedExpertise>;

export const PersonExpertise = z.object({ declared: z.array(DeclaredSkill), derived: z.array(DerivedExpertise) });
export type PersonExpertise = z.infer<typeof PersonExpertise>;

/** A profile as others see it: communities, counts and lists only from what the viewer may see. */
export const PersonProfile = Profile.extend({
  skillLevels: z.array(DeclaredSkill),
  communities: z.array(CommunityLink.extend({ role: z.enum(['facilitator', 'core', 'member']) })),
  acceptedAnswers: z.number().int(),
  talksGiven: z.number().int(),
  pagesWritten: z.number().int(),
  /** The latest talks given and pages written (at most ten each), newest first. */
  talks: z.array(Evidence),
  pages: z.array(Evidence),
});
export type PersonProfile = z.infer<typeof PersonProfile>;

export const ExpertiseQuery = z.strictObject({
  topic: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type ExpertiseQuery = z.infer<typeof ExpertiseQuery>;

export const Helper = z.object({
  person: PersonSummary,
  score: z.number(),
  declaredLevel: SkillLevel.nullable(),
  counts: EvidenceCounts,
  /** The strongest few pieces of evidence. */
  evidence: z.array(Evidence),
});
export type Helper = z.infer<typeof Helper>;
export const HelperList = z.object({ items: z.array(Helper) });
export type HelperList = z.infer<typeof HelperList>;

export const InviteToAnswerInput = z.strictObject({ personIds: z.array(Id).min(1).max(10) });
export type InviteToAnswerInput = z.infer<typeof InviteToAnswerInput>;
export const InviteToAnswerResult = z.object({ invited: z.array(Id) });

export const PEOPLE_EVENTS = { invitedToAnswer: 'thread.invited_to_answer' } as const;

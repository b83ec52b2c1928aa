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

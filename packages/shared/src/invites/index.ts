import { z } from 'zod';
import { Id, Timestamp } from '../common/index.ts';

export const CreateInviteInput = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
  expiresInDays: z.number().int().min(1).max(90).default(14),
});
export type CreateInviteInput = z.infer<typeof CreateInviteInput>;

export const Invite = z.object({
  id: Id,
  email: z.string().nullable(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  usedAt: Timestamp.nullable(),
});
export type Invite = z.infer<typeof Invite>;

/** Returned once, at creation: the secret link is never shown again. */
export const CreatedInvite = Invite.extend({ token: z.string(), url: z.string() });
export type CreatedInvite = z.infer<typeof CreatedInvite>;

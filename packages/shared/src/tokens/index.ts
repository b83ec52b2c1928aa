import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateTokenInput = z.strictObject({ name: line(80) });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

/** Returned once, at creation: only a hash is stored. */
export const CreatedToken = ApiToken.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;

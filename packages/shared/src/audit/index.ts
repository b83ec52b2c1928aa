import { z } from 'zod';
import { Id, Timestamp } from '../common/index.ts';

/** One admin or moderation action. `actor` is null for actions the system took itself. */
export const AuditEntry = z.object({
  id: Id,
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  createdAt: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  /** e.g. `post.hide`; the actions are listed in docs/architecture.md. */
  action: z.string().max(64).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

import type { DB, Tx } from '../../db/database.ts';
import { newId, now } from '../ids.ts';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
};

/** Admin and moderation actions, written in the same transaction as the change they record. */
export async function recordAudit(db: DB | Tx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      created_at: now(),
    })
    .execute();
}

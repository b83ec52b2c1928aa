import type { AuditEntry, AuditQuery, Page } from '@guildhall/shared';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import type { AuditRepository } from './audit.repository.ts';

export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** The audit log, newest first, for org admins. */
  async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
    authorize(actor, 'audit.read', { type: 'org' });
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const rows = await this.audit.list({ action: query.action || undefined, after, limit: query.limit });
    return pageFrom(
      rows,
      query.limit,
      (r) => ({
        id: r.id,
        actor: r.actor_id && r.actor_name ? { id: r.actor_id, name: r.actor_name } : null,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
        createdAt: r.created_at,
      }),
      (r) => [r.created_at, r.id],
    );
  }
}

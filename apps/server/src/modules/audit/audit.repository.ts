import { sql } from 'kysely';
import type { DB } from '../../db/database.ts';

/**
 * Reads the audit log (platform/audit writes it). Entries name the acting admin or moderator
 * and the target; moderation entries never carry a post's author, so this can list them as stored.
 */
export class AuditRepository {
  constructor(private readonly db: DB) {}

  async list(filter: { action?: string; after?: [string, string]; limit: number }) {
    let query = this.db
      .selectFrom('audit_log')
      .leftJoin('person', 'person.id', 'audit_log.actor_id')
      .select([
        'audit_log.id',
        'audit_log.actor_id',
        'person.name as actor_name',
        'audit_log.action',
        'audit_log.target_type',
        'audit_log.target_id',
        'audit_log.detail',
        'audit_log.created_at',
      ]);
    if (filter.action) query = query.where('audit_log.action', '=', filter.action);
    if (filter.after) {
      const [createdAt, id] = filter.after;
      query = query.where(sql<boolean>`(${sql.ref('audit_log.created_at')}, ${sql.ref('audit_log.id')}) < (${createdAt}, ${id})`);
    }
    return query
      .orderBy('audit_log.created_at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }
}

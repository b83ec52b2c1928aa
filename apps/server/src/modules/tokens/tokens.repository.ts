import type { ApiToken } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';

export class TokensRepository {
  constructor(private readonly db: DB) {}

  async listActive(personId: string): Promise<ApiToken[]> {
    const rows = await this.db
      .selectFrom('api_token')
      .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
  }

  async insert(t: { id: string; personId: string; name: string; prefix: string; tokenHash: string; createdAt: string }) {
    await this.db
      .insertInto('api_token')
      .values({ id: t.id, person_id: t.personId, name: t.name, prefix: t.prefix, token_hash: t.tokenHash, created_at: t.createdAt })
      .execute();
  }

  /** Revokes only the owner's own, still-active token; answers whether one was revoked. */
  async revoke(personId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_token')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

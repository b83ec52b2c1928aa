import type { Invite } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';

/** Invites and the one-time "first account becomes admin" claim. */
export class AuthRepository {
  constructor(private readonly db: DB) {}

  /**
   * Exactly one sign-up can claim the org: a primary-key insert decides the race on both
   * dialects, where "count people = 0" would let two concurrent sign-ups both win.
   */
  async claimFirstAdmin(personId: string, tx: Tx): Promise<boolean> {
    const result = await tx
      .insertInto('org_setting')
      .values({ key: 'first_admin', value: personId })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async adminClaimed(): Promise<boolean> {
    return !!(await this.db.selectFrom('org_setting').select('key').where('key', '=', 'first_admin').executeTakeFirst());
  }

  async findUsableInvite(tokenHash: string, at: string, tx: Tx) {
    return tx
      .selectFrom('invite')
      .select(['id', 'email'])
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
  }

  async markInviteUsed(id: string, personId: string, at: string, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('invite')
      .set({ used_by: personId, used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async insertInvite(
    i: { id: string; tokenHash: string; email: string | null; createdBy: string; createdAt: string; expiresAt: string },
    tx: Tx,
  ) {
    await tx
      .insertInto('invite')
      .values({
        id: i.id,
        token_hash: i.tokenHash,
        email: i.email,
        created_by: i.createdBy,
        created_at: i.createdAt,
        expires_at: i.expiresAt,
      })
      .execute();
  }

  async listInvites(): Promise<Invite[]> {
    const rows = await this.db
      .selectFrom('invite')
      .select(['id', 'email', 'created_at', 'expires_at', 'used_at'])
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({ id: r.id, email: r.email, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at }));
  }
}

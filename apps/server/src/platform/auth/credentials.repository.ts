import { compiledOnce } from '../../db/compiled-query.ts';
import type { DB } from '../../db/database.ts';
import { hashSecret, newSecret, now } from '../ids.ts';
import type { PersonActor } from './actor.ts';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** Sliding sessions are extended at most this often, so reads do not write on every request. */
const SESSION_REFRESH_MS = 24 * 3600 * 1000;

/** Every signed-in request runs it: compiled once (db/compiled-query.ts). */
const sessionLookup = compiledOnce(1, (db, tokenHash: string) =>
  db
    .selectFrom('session')
    .innerJoin('person', 'person.id', 'session.person_id')
    .select(['person.id', 'person.org_role', 'session.expires_at'])
    .where('session.token_hash', '=', tokenHash),
);

/** Session and API-token storage: the only SQL that authentication runs on each request. */
export class CredentialsRepository {
  constructor(private readonly db: DB) {}

  async createSession(personId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newSecret('ghs');
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await this.db
      .insertInto('session')
      .values({ token_hash: hashSecret(token), person_id: personId, created_at: now(), expires_at: expiresAt.toISOString() })
      .execute();
    return { token, expiresAt };
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('session').where('token_hash', '=', hashSecret(token)).execute();
  }

  async actorForSession(token: string): Promise<PersonActor | null> {
    const tokenHash = hashSecret(token);
    const [row] = await sessionLookup(this.db, tokenHash);
    if (!row) return null;
    const expiresAt = Date.parse(row.expires_at);
    if (expiresAt <= Date.now()) {
      await this.db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
      return null;
    }
    if (expiresAt - Date.now() < SESSION_TTL_MS - SESSION_REFRESH_MS) {
      await this.db
        .updateTable('session')
        .set({ expires_at: new Date(Date.now() + SESSION_TTL_MS).toISOString() })
        .where('token_hash', '=', tokenHash)
        .execute();
    }
    return { kind: 'person', personId: row.id, orgRole: row.org_role, via: 'session' };
  }

  async actorForApiToken(token: string): Promise<PersonActor | null> {
    const tokenHash = hashSecret(token);
    const row = await this.db
      .selectFrom('api_token')
      .innerJoin('person', 'person.id', 'api_token.person_id')
      .select(['person.id', 'person.org_role', 'api_token.last_used_at'])
      .where('api_token.token_hash', '=', tokenHash)
      .where('api_token.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    // Last use is shown to the owner; minute precision is plenty and spares a write per request.
    if (!row.last_used_at || Date.now() - Date.parse(row.last_used_at) > 60_000) {
      await this.db.updateTable('api_token').set({ last_used_at: now() }).where('token_hash', '=', tokenHash).execute();
    }
    return { kind: 'person', personId: row.id, orgRole: row.org_role, via: 'token' };
  }
}

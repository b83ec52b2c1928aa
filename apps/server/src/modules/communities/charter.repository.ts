import { SAFE_SPACE_NORMS } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import { renderMarkdown } from '../../platform/markdown/markdown.ts';

export type CharterRow = Tables['charter'];
export type CharterFields = Pick<CharterRow, 'purpose' | 'scope_in' | 'scope_out' | 'quarter' | 'goals' | 'norms'>;

/** Sources rendered once, at write: readers get stored HTML like posts do. */
export function rendered(fields: CharterFields) {
  return {
    ...fields,
    purpose_html: renderMarkdown(fields.purpose),
    scope_in_html: renderMarkdown(fields.scope_in),
    scope_out_html: renderMarkdown(fields.scope_out),
    goals_html: renderMarkdown(fields.goals),
    norms_html: renderMarkdown(fields.norms),
  };
}

/** Where every community's charter starts: its domain as purpose, and the brief's safe-space norms. */
export const charterTemplate = (purpose: string): CharterFields => ({
  purpose,
  scope_in: '',
  scope_out: '',
  quarter: null,
  goals: '',
  norms: SAFE_SPACE_NORMS,
});

export class CharterRepository {
  constructor(private readonly db: DB) {}

  async find(communityId: string, db: DB | Tx = this.db): Promise<CharterRow | undefined> {
    return db.selectFrom('charter').selectAll().where('community_id', '=', communityId).executeTakeFirst();
  }

  /** Version 1, from the template, with its first revision. */
  async insertInitial(communityId: string, purpose: string, by: string, at: string, tx: Tx): Promise<void> {
    const fields = charterTemplate(purpose);
    await tx
      .insertInto('charter')
      .values({ community_id: communityId, ...rendered(fields), version: 1, updated_by: by, updated_at: at })
      .execute();
    await this.insertRevision(communityId, 1, fields, by, at, tx);
  }

  /**
   * Saves the next version only if nobody saved in between; answers whether it did. Version 0
   * means "no charter row yet" (a community created outside the API), so the row is inserted.
   */
  async saveIfVersion(communityId: string, version: number, fields: CharterFields, by: string, at: string, tx: Tx): Promise<boolean> {
    const values = { ...rendered(fields), version: version + 1, updated_by: by, updated_at: at };
    if (version === 0) {
      const inserted = await tx
        .insertInto('charter')
        .values({ community_id: communityId, ...values })
        .onConflict((oc) => oc.column('community_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    } else {
      const updated = await tx
        .updateTable('charter')
        .set(values)
        .where('community_id', '=', communityId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
    }
    await this.insertRevision(communityId, version + 1, fields, by, at, tx);
    return true;
  }

  private async insertRevision(communityId: string, version: number, f: CharterFields, by: string, at: string, tx: Tx) {
    await tx
      .insertInto('charter_revision')
      .values({ community_id: communityId, version, ...f, edited_by: by, created_at: at })
      .execute();
  }

  /** Newest first, keyset on the version. */
  async revisions(communityId: string, beforeVersion: number | undefined, limit: number) {
    let query = this.db.selectFrom('charter_revision').selectAll().where('community_id', '=', communityId);
    if (beforeVersion !== undefined) query = query.where('version', '<', beforeVersion);
    return query
      .orderBy('version', 'desc')
      .limit(limit + 1)
      .execute();
  }
}

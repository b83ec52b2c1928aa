import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import type { MembershipFacts } from '../../platform/auth/policy.ts';

export type WhiteboardRow = Tables['whiteboard'];
export type WhiteboardRevisionRow = Tables['whiteboard_revision'];

const SUMMARY_COLUMNS = [
  'whiteboard.id',
  'whiteboard.community_id',
  'whiteboard.title',
  'whiteboard.version',
  'whiteboard.created_by',
  'whiteboard.created_at',
  'whiteboard.updated_by',
  'whiteboard.updated_at',
] as const;
const hasPreview = sql<number | boolean>`whiteboard.preview_svg is not null`.as('has_preview');

export class WhiteboardsRepository {
  constructor(private readonly db: DB) {}

  /** A whiteboard (without its scene and preview) with its community's facts and the viewer's membership. */
  async findWithFacts(id: string, viewerId: string, db: DB | Tx = this.db) {
    const row = await db
      .selectFrom('whiteboard')
      .innerJoin('community', 'community.id', 'whiteboard.community_id')
      .leftJoin('membership as mine', (join) =>
        join.onRef('mine.community_id', '=', 'whiteboard.community_id').on('mine.person_id', '=', viewerId),
      )
      .select(SUMMARY_COLUMNS)
      .select(hasPreview)
      .select([
        'community.slug as community_slug',
        'community.name as community_name',
        'community.visibility',
        'community.stage as community_stage',
        'mine.role as my_role',
        'mine.status as my_status',
      ])
      .where('whiteboard.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { my_role, my_status, ...board } = row;
    const membership: MembershipFacts = my_role && my_status ? { role: my_role, status: my_status } : null;
    return { ...board, membership };
  }

  async scene(id: string, db: DB | Tx = this.db): Promise<string | undefined> {
    return (await db.selectFrom('whiteboard').select('scene').where('id', '=', id).executeTakeFirst())?.scene;
  }

  async preview(id: string): Promise<string | null | undefined> {
    return (await this.db.selectFrom('whiteboard').select('preview_svg').where('id', '=', id).executeTakeFirst())?.preview_svg;
  }

  async list(communityId: string, after: [string, string] | undefined, limit: number) {
    let query = this.db
      .selectFrom('whiteboard')
      .select(SUMMARY_COLUMNS)
      .select(hasPreview)
      .where('whiteboard.community_id', '=', communityId);
    if (after) query = query.where(sql<boolean>`(whiteboard.updated_at, whiteboard.id) < (${after[0]}, ${after[1]})`);
    return query
      .orderBy('whiteboard.updated_at', 'desc')
      .orderBy('whiteboard.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Titles of the community's whiteboards among these ids (what a page may embed). */
  async titles(communityId: string, ids: string[], db: DB | Tx = this.db): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('whiteboard')
      .select(['id', 'title'])
      .where('community_id', '=', communityId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  async insert(row: WhiteboardRow, tx: Tx): Promise<void> {
    await tx.insertInto('whiteboard').values(row).execute();
  }

  async updateIfVersion(id: string, version: number, patch: Partial<WhiteboardRow>, tx: Tx): Promise<boolean> {
    const result = await tx.updateTable('whiteboard').set(patch).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: string, tx: Tx): Promise<void> {
    await tx.deleteFrom('whiteboard').where('id', '=', id).execute();
  }

  async insertRevision(row: WhiteboardRevisionRow, tx: Tx): Promise<void> {
    await tx.insertInto('whiteboard_revision').values(row).execute();
  }

  async revision(id: string, version: number): Promise<WhiteboardRevisionRow | undefined> {
    return this.db
      .selectFrom('whiteboard_revision')
      .selectAll()
      .where('whiteboard_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  async revisions(id: string, beforeVersion: number | undefined, limit: number) {
    let query = this.db
      .selectFrom('whiteboard_revision')
      .select(['version', 'title', 'summary', 'author_id', 'created_at', sql<number | boolean>`preview_svg is not null`.as('has_preview')])
      .where('whiteboard_id', '=', id);
    if (beforeVersion !== undefined) query = query.where('version', '<', beforeVersion);
    return query
      .orderBy('version', 'desc')
      .limit(limit + 1)
      .execute();
  }
}

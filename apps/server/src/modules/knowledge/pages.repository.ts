import type { PageKind, PageStatus } from '@guildhall/shared';
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import type { PersonActor } from '../../platform/auth/actor.ts';
import type { MembershipFacts } from '../../platform/auth/policy.ts';
import { visibleTo } from '../communities/index.ts';

export type PageRow = Tables['page'];

/** Who is reading a community's pages: drafts show to their owner and to the community's facilitators. */
export type PageReader = { personId: string; facilitator: boolean };

export type PageListFilter = {
  kind?: PageKind;
  tag?: string;
  status?: PageStatus;
  stale?: string;
  ownerId?: string;
  parent?: string | null;
  sort: 'updated' | 'title' | 'review';
  after?: (string | number)[];
  limit: number;
};

/** The SQL twin of the policy's draft rule (`page.read` within a community the reader sees). */
export const readableBy = (reader: PageReader) => (eb: ExpressionBuilder<Tables, 'page'>) =>
  reader.facilitator ? eb.lit(true) : eb.or([eb('page.status', '=', 'published'), eb('page.owner_id', '=', reader.personId)]);

const SORTS = {
  updated: { columns: ['page.updated_at', 'page.id'], direction: 'desc' },
  title: { columns: ['page.title_key', 'page.id'], direction: 'asc' },
  review: { columns: ['page.review_by', 'page.id'], direction: 'asc' },
} as const;

const SUMMARY_COLUMNS = [
  'page.id',
  'page.community_id',
  'page.parent_id',
  'page.title',
  'page.title_key',
  'page.kind',
  'page.tags',
  'page.status',
  'page.owner_id',
  'page.review_by',
  'page.version',
  'page.updated_at',
] as const;

export type PageSummaryRow = Pick<
  PageRow,
  | 'id'
  | 'community_id'
  | 'parent_id'
  | 'title'
  | 'title_key'
  | 'kind'
  | 'tags'
  | 'status'
  | 'owner_id'
  | 'review_by'
  | 'version'
  | 'updated_at'
>;

export class PagesRepository {
  constructor(private readonly db: DB) {}

  /** A page with what the policy decides on: its community's visibility and stage, the viewer's membership. */
  async findWithFacts(pageId: string, viewerId: string, db: DB | Tx = this.db) {
    const row = await db
      .selectFrom('page')
      .innerJoin('community', 'community.id', 'page.community_id')
      .leftJoin('membership as mine', (join) =>
        join.onRef('mine.community_id', '=', 'page.community_id').on('mine.person_id', '=', viewerId),
      )
      .selectAll('page')
      .select([
        'community.slug as community_slug',
        'community.name as community_name',
        'community.visibility',
        'community.stage as community_stage',
        'mine.role as my_role',
        'mine.status as my_status',
      ])
      .where('page.id', '=', pageId)
      .executeTakeFirst();
    if (!row) return undefined;
    const { my_role, my_status, ...page } = row;
    const membership: MembershipFacts = my_role && my_status ? { role: my_role, status: my_status } : null;
    return { ...page, membership };
  }

  /** Status and owner of these pages: enough to tell whom each shows to. */
  async visibilityOf(pageIds: string[]) {
    if (pageIds.length === 0) return [];
    return this.db.selectFrom('page').select(['id', 'status', 'owner_id']).where('id', 'in', pageIds).execute();
  }

  async find(pageId: string, db: DB | Tx = this.db): Promise<PageRow | undefined> {
    return db.selectFrom('page').selectAll().where('id', '=', pageId).executeTakeFirst();
  }

  /** The page holding a title in a community, whatever its status (titles are unique across drafts too). */
  async findByKey(communityId: string, key: string, db: DB | Tx = this.db) {
    return db
      .selectFrom('page')
      .select(['id', 'status'])
      .where('community_id', '=', communityId)
      .where('title_key', '=', key)
      .executeTakeFirst();
  }

  async list(communityId: string, reader: PageReader, filter: PageListFilter): Promise<PageSummaryRow[]> {
    let query = this.db.selectFrom('page').select(SUMMARY_COLUMNS).where('page.community_id', '=', communityId).where(readableBy(reader));
    if (filter.kind) query = query.where('page.kind', '=', filter.kind);
    if (filter.status) query = query.where('page.status', '=', filter.status);
    if (filter.stale) query = query.where('page.status', '=', 'published').where('page.review_by', '<', filter.stale);
    if (filter.ownerId) query = query.where('page.owner_id', '=', filter.ownerId);
    if (filter.parent !== undefined) {
      query = filter.parent === null ? query.where('page.parent_id', 'is', null) : query.where('page.parent_id', '=', filter.parent);
    }
    if (filter.tag) {
      const tag = filter.tag;
      query = query.where((eb) =>
        eb.exists(
          eb.selectFrom('page_tag').select('page_tag.tag').whereRef('page_tag.page_id', '=', 'page.id').where('page_tag.tag', '=', tag),
        ),
      );
    }
    const sort = SORTS[filter.sort];
    const refs = sql.join(sort.columns.map((c) => sql.ref(c)));
    if (filter.after) {
      const key = sql.join(filter.after);
      query = query.where(sort.direction === 'desc' ? sql<boolean>`(${refs}) < (${key})` : sql<boolean>`(${refs}) > (${key})`);
    }
    for (const column of sort.columns) query = query.orderBy(sql.ref(column), sort.direction);
    return query.limit(filter.limit + 1).execute();
  }

  /** Every page the reader may see, for the tree: id, parent, title, kind, status, review date. */
  async tree(communityId: string, reader: PageReader, limit: number) {
    return this.db
      .selectFrom('page')
      .select(['page.id', 'page.parent_id', 'page.title', 'page.kind', 'page.status', 'page.review_by', 'page.updated_at'])
      .where('page.community_id', '=', communityId)
      .where(readableBy(reader))
      .orderBy('page.title_key')
      .orderBy('page.id')
      .limit(limit + 1)
      .execute();
  }

  async children(pageId: string, reader: PageReader) {
    return this.db
      .selectFrom('page')
      .select(['page.id', 'page.title', 'page.kind', 'page.status'])
      .where('page.parent_id', '=', pageId)
      .where(readableBy(reader))
      .orderBy('page.title_key')
      .limit(500)
      .execute();
  }

  async hasChildren(pageId: string, db: DB | Tx = this.db): Promise<boolean> {
    return !!(await db.selectFrom('page').select('id').where('parent_id', '=', pageId).executeTakeFirst());
  }

  /** The chain of parents, nearest first, at most `depth` long. */
  async parentChain(parentId: string | null, depth: number, db: DB | Tx = this.db) {
    const chain: Pick<PageRow, 'id' | 'parent_id' | 'title' | 'status' | 'owner_id' | 'community_id'>[] = [];
    let next = parentId;
    while (next && chain.length < depth) {
      const row = await db
        .selectFrom('page')
        .select(['id', 'parent_id', 'title', 'status', 'owner_id', 'community_id'])
        .where('id', '=', next)
        .executeTakeFirst();
      if (!row) break;
      chain.push(row);
      next = row.parent_id;
    }
    return chain;
  }

  /** Pages of the community whose [[links]] name this title. */
  async backlinks(communityId: string, key: string, reader: PageReader) {
    return this.db
      .selectFrom('page')
      .innerJoin('page_link', 'page_link.source_page_id', 'page.id')
      .select(['page.id', 'page.title', 'page.kind', 'page.status'])
      .where('page_link.community_id', '=', communityId)
      .where('page_link.target_key', '=', key)
      .where(readableBy(reader))
      .orderBy('page.title_key')
      .limit(500)
      .execute();
  }

  /** Pages captured from a source, in communities the actor may see, drafts only for whom they show to. */
  async captures(actor: PersonActor, originType: string, originId: string) {
    return this.db
      .selectFrom('page')
      .innerJoin('community', 'community.id', 'page.community_id')
      .select(['page.id', 'page.title', 'page.kind', 'page.status', 'community.id as community_id', 'community.slug', 'community.name'])
      .where('page.origin_type', '=', originType as PageRow['origin_type'])
      .where('page.origin_id', '=', originId)
      .where(visibleTo(actor))
      .where((eb) =>
        eb.or([
          eb('page.status', '=', 'published'),
          eb('page.owner_id', '=', actor.personId),
          eb.exists(
            eb
              .selectFrom('membership as fac')
              .select('fac.person_id')
              .whereRef('fac.community_id', '=', 'page.community_id')
              .where('fac.person_id', '=', actor.personId)
              .where('fac.status', '=', 'active')
              .where('fac.role', '=', 'facilitator'),
          ),
        ]),
      )
      .orderBy('page.created_at')
      .limit(100)
      .execute();
  }

  /** Which of these titles pages of the community already hold (drafts included). */
  async takenKeys(communityId: string, keys: string[], db: DB | Tx = this.db): Promise<string[]> {
    const taken: string[] = [];
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await db
        .selectFrom('page')
        .select('title_key')
        .where('community_id', '=', communityId)
        .where('title_key', 'in', keys.slice(i, i + 500))
        .execute();
      taken.push(...rows.map((r) => r.title_key));
    }
    return taken;
  }

  /** Published pages holding these titles: title key → page id. */
  async publishedByKey(communityId: string, keys: string[], db: DB | Tx = this.db): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    // Chunked: a page may link to thousands of titles, and databases cap bound parameters.
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await db
        .selectFrom('page')
        .select(['id', 'title_key'])
        .where('community_id', '=', communityId)
        .where('status', '=', 'published')
        .where('title_key', 'in', keys.slice(i, i + 500))
        .execute();
      for (const r of rows) found.set(r.title_key, r.id);
    }
    return found;
  }

  /** Pages whose links name any of these titles (to render them again when those titles appear or go). */
  async linking(communityId: string, keys: string[], tx: Tx) {
    const pages = new Map<string, { id: string; body_source: string }>();
    for (let i = 0; i < keys.length; i += 500) {
      for (const page of await this.linkingAny(communityId, keys.slice(i, i + 500), tx)) pages.set(page.id, page);
    }
    return [...pages.values()];
  }

  private async linkingAny(communityId: string, keys: string[], tx: Tx) {
    return tx
      .selectFrom('page')
      .select(['page.id', 'page.body_source'])
      .where('page.community_id', '=', communityId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('page_link')
            .select('page_link.target_key')
            .whereRef('page_link.source_page_id', '=', 'page.id')
            .where('page_link.target_key', 'in', keys),
        ),
      )
      .execute();
  }

  /** Pages that embed a whiteboard. */
  async embedding(whiteboardId: string, db: DB | Tx = this.db) {
    return db
      .selectFrom('page')
      .innerJoin('page_whiteboard', 'page_whiteboard.page_id', 'page.id')
      .select(['page.id', 'page.body_source', 'page.title', 'page.kind', 'page.status', 'page.owner_id'])
      .where('page_whiteboard.whiteboard_id', '=', whiteboardId)
      .orderBy('page.title_key')
      .execute();
  }

  async insert(row: PageRow, tags: string[], tx: Tx): Promise<void> {
    await tx.insertInto('page').values(row).execute();
    await this.writeTags(row.id, tags, tx);
  }

  /** Applies the change only if nobody saved in between; answers whether it did. */
  async updateIfVersion(pageId: string, version: number, patch: Partial<PageRow>, tx: Tx): Promise<boolean> {
    const result = await tx.updateTable('page').set(patch).where('id', '=', pageId).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async update(pageId: string, patch: Partial<PageRow>, tx: Tx): Promise<void> {
    await tx.updateTable('page').set(patch).where('id', '=', pageId).execute();
  }

  async setTags(pageId: string, tags: string[], tx: Tx): Promise<void> {
    await tx.deleteFrom('page_tag').where('page_id', '=', pageId).execute();
    await this.writeTags(pageId, tags, tx);
  }

  private async writeTags(pageId: string, tags: string[], tx: Tx) {
    if (tags.length === 0) return;
    await tx
      .insertInto('page_tag')
      .values(tags.map((tag) => ({ page_id: pageId, tag })))
      .execute();
  }

  /** Replaces the titles the page links to and the whiteboards it embeds. */
  async setReferences(pageId: string, communityId: string, keys: string[], whiteboardIds: string[], tx: Tx): Promise<void> {
    await tx.deleteFrom('page_link').where('source_page_id', '=', pageId).execute();
    if (keys.length > 0) {
      await tx
        .insertInto('page_link')
        .values(keys.map((target_key) => ({ source_page_id: pageId, community_id: communityId, target_key })))
        .execute();
    }
    await tx.deleteFrom('page_whiteboard').where('page_id', '=', pageId).execute();
    if (whiteboardIds.length > 0) {
      await tx
        .insertInto('page_whiteboard')
        .values(whiteboardIds.map((whiteboard_id, position) => ({ page_id: pageId, whiteboard_id, position })))
        .execute();
    }
  }

  async whiteboardsOf(pageId: string) {
    return this.db
      .selectFrom('page_whiteboard')
      .innerJoin('whiteboard', 'whiteboard.id', 'page_whiteboard.whiteboard_id')
      .select([
        'whiteboard.id',
        'whiteboard.title',
        'whiteboard.version',
        sql<number>`whiteboard.preview_svg is not null`.as('has_preview'),
      ])
      .where('page_whiteboard.page_id', '=', pageId)
      .orderBy('page_whiteboard.position')
      .execute();
  }

  async delete(pageId: string, tx: Tx): Promise<void> {
    await tx.deleteFrom('page').where('id', '=', pageId).execute();
  }

  /** A community's published pages, whole, parents before children is the caller's business. */
  async published(communityId: string) {
    return this.db
      .selectFrom('page')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('status', '=', 'published')
      .orderBy('title_key')
      .limit(20_000)
      .execute();
  }
}

import type { Category, CommunitySummary } from '@guildhall/shared';
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, Dialect, Tx } from '../../db/database.ts';
import { afterNameKey } from '../../db/keyset.ts';
import { containsPattern } from '../../db/like.ts';
import type { Tables } from '../../db/tables.ts';
import type { PersonActor } from '../../platform/auth/actor.ts';
import type { MembershipFacts } from '../../platform/auth/policy.ts';

export type CommunityRow = Tables['community'];
export type CommunityWithMembership = CommunityRow & { membership: MembershipFacts; member_count: number };

type ListFilter = {
  q?: string;
  category?: Category;
  mine: boolean;
  after?: [string, string];
  limit: number;
};

/**
 * The visibility rule of the policy, as SQL, so that lists and counts never fetch what the
 * actor may not see (filtering after a LIMIT would leak through page sizes and counts).
 * Kept in step with `community.read` in platform/auth/policy.ts by the permission-matrix test.
 */
export const visibleTo = (actor: PersonActor) => (eb: ExpressionBuilder<Tables, 'community'>) =>
  actor.orgRole === 'admin'
    ? eb.lit(true)
    : eb.or([
        eb('community.visibility', '=', 'open'),
        eb.exists(
          eb
            .selectFrom('membership as vis')
            .select('vis.person_id')
            .whereRef('vis.community_id', '=', 'community.id')
            .where('vis.person_id', '=', actor.personId)
            .where('vis.status', 'in', ['active', 'invited']),
        ),
      ]);

export class CommunitiesRepository {
  constructor(
    private readonly db: DB,
    private readonly dialect: Dialect,
  ) {}

  private withMembership(actorId: string, db: DB | Tx = this.db) {
    return db
      .selectFrom('community')
      .leftJoin('membership as mine', (join) => join.onRef('mine.community_id', '=', 'community.id').on('mine.person_id', '=', actorId))
      .selectAll('community')
      .select(['mine.role as my_role', 'mine.status as my_status'])
      .select((eb) =>
        eb
          .selectFrom('membership as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.community_id', '=', 'community.id')
          .where('m.status', '=', 'active')
          .as('member_count'),
      );
  }

  async list(actor: PersonActor, filter: ListFilter): Promise<CommunityWithMembership[]> {
    let query = this.withMembership(actor.personId).where(visibleTo(actor));
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      query = query.where((eb) =>
        eb.or([eb(eb.fn('lower', ['community.name']), 'like', pattern), eb(eb.fn('lower', ['community.domain']), 'like', pattern)]),
      );
    }
    if (filter.category) query = query.where('community.category', '=', filter.category);
    if (filter.mine) query = query.where('mine.status', 'in', ['active', 'invited']);
    if (filter.after) {
      query = query.where(afterNameKey('community.name', 'community.id', filter.after));
    }
    const rows = await query
      .orderBy(sql`lower(community.name)`)
      .orderBy('community.id')
      .limit(filter.limit + 1)
      .execute();
    return rows.map(withFacts);
  }

  async findBySlug(slug: string, actorId: string, db: DB | Tx = this.db): Promise<CommunityWithMembership | null> {
    const row = await this.withMembership(actorId, db).where('community.slug', '=', slug).executeTakeFirst();
    return row ? withFacts(row) : null;
  }

  async slugTaken(slug: string, db: DB | Tx = this.db): Promise<boolean> {
    return !!(await db.selectFrom('community').select('id').where('slug', '=', slug).executeTakeFirst());
  }

  async insert(row: CommunityRow, tx: Tx): Promise<void> {
    await tx.insertInto('community').values(row).execute();
  }

  /** Applies the change only if nobody saved in between; answers whether it did. */
  async updateIfVersion(id: string, version: number, patch: Partial<CommunityRow>, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('community')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Serialises membership changes of one community, so two facilitators demoting each other
   * at once cannot leave it with none. SQLite already runs one write transaction at a time.
   */
  async lock(id: string, tx: Tx): Promise<void> {
    if (this.dialect === 'postgres') {
      await tx.selectFrom('community').select('id').where('id', '=', id).forUpdate().execute();
    }
  }
}

type RowWithMine = CommunityRow & { my_role: string | null; my_status: string | null; member_count: number | null };

function withFacts(row: RowWithMine): CommunityWithMembership {
  const { my_role, my_status, member_count, ...community } = row;
  return {
    ...community,
    member_count: Number(member_count ?? 0),
    membership:
      my_role && my_status
        ? { role: my_role as 'facilitator' | 'core' | 'member', status: my_status as 'active' | 'requested' | 'invited' }
        : null,
  };
}

export function toSummary(row: CommunityWithMembership): CommunitySummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    domain: row.domain,
    category: row.category as CommunitySummary['category'],
    cadence: row.cadence as CommunitySummary['cadence'],
    visibility: row.visibility,
    stage: row.stage as CommunitySummary['stage'],
    memberCount: row.member_count,
    myMembership: row.membership,
  };
}

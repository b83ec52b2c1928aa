import type { MembershipStatus, Role } from '@guildhall/shared';
import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import { afterNameKey } from '../../db/keyset.ts';
import { toSummary } from '../people/index.ts';

export class MembershipsRepository {
  constructor(private readonly db: DB) {}

  async list(communityId: string, status: MembershipStatus, after: [string, string] | undefined, limit: number) {
    let query = this.db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .leftJoin('team', 'team.id', 'person.team_id')
      .select([
        'person.id',
        'person.name',
        'person.title',
        'person.seniority',
        'person.team_id',
        'team.name as team_name',
        'membership.role',
        'membership.status',
        'membership.created_at',
      ])
      .where('membership.community_id', '=', communityId)
      .where('membership.status', '=', status);
    if (after) {
      query = query.where(afterNameKey('person.name', 'person.id', after));
    }
    const rows = await query
      .orderBy(sql`lower(person.name)`)
      .orderBy('person.id')
      .limit(limit + 1)
      .execute();
    return rows.map((r) => ({
      person: toSummary(r),
      role: r.role,
      status: r.status,
      joinedAt: r.created_at,
      sortName: r.name.toLowerCase(),
    }));
  }

  async find(communityId: string, personId: string, db: DB | Tx = this.db) {
    return db
      .selectFrom('membership')
      .select(['role', 'status', 'created_at'])
      .where('community_id', '=', communityId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
  }

  async insert(m: { communityId: string; personId: string; role: Role; status: MembershipStatus; createdAt: string }, tx: Tx) {
    await tx
      .insertInto('membership')
      .values({ community_id: m.communityId, person_id: m.personId, role: m.role, status: m.status, created_at: m.createdAt })
      .execute();
  }

  async update(communityId: string, personId: string, set: { role?: Role; status?: MembershipStatus; created_at?: string }, tx: Tx) {
    await tx.updateTable('membership').set(set).where('community_id', '=', communityId).where('person_id', '=', personId).execute();
  }

  async remove(communityId: string, personId: string, tx: Tx) {
    await tx.deleteFrom('membership').where('community_id', '=', communityId).where('person_id', '=', personId).execute();
  }

  async countActiveFacilitators(communityId: string, tx: Tx): Promise<number> {
    const row = await tx
      .selectFrom('membership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId)
      .where('role', '=', 'facilitator')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

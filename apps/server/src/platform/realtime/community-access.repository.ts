import type { DB } from '../../db/database.ts';
import type { CommunityFacts } from '../auth/policy.ts';

/** What the policy needs to decide whether a person may read a community's events. */
export class CommunityAccessRepository {
  constructor(private readonly db: DB) {}

  /** Visibility and the person's membership; null when the community does not exist (any more). */
  async facts(communityId: string, personId: string): Promise<CommunityFacts | null> {
    const row = await this.db
      .selectFrom('community')
      .leftJoin('membership', (join) =>
        join.onRef('membership.community_id', '=', 'community.id').on('membership.person_id', '=', personId),
      )
      .select(['community.visibility', 'membership.role', 'membership.status'])
      .where('community.id', '=', communityId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      visibility: row.visibility,
      membership: row.role && row.status ? { role: row.role, status: row.status } : null,
    };
  }
}

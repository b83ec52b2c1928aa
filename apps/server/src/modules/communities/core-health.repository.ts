import { sql } from 'kysely';
import type { DB } from '../../db/database.ts';

/**
 * Activity in a community, read from the conversations tables. Only named posts count:
 * an anonymous post must never make its author look active (or surface them as a candidate),
 * which would unmask them to the facilitators reading this.
 */
export class CoreHealthRepository {
  constructor(private readonly db: DB) {}

  async coreGroup(communityId: string) {
    return this.db
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
      ])
      .where('membership.community_id', '=', communityId)
      .where('membership.status', '=', 'active')
      .where('membership.role', 'in', ['facilitator', 'core'])
      .orderBy(sql`lower(person.name)`)
      .orderBy('person.id')
      .execute();
  }

  private namedPosts(communityId: string, since: string) {
    return this.db
      .selectFrom('post')
      .innerJoin('thread', 'thread.id', 'post.thread_id')
      .where('thread.community_id', '=', communityId)
      .where('post.anonymous', '=', 0)
      .where('post.deleted_at', 'is', null)
      .where('post.created_at', '>=', since);
  }

  /** Each person's latest named post in the community since a date. */
  async lastActive(communityId: string, personIds: string[], since: string): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.namedPosts(communityId, since)
      .select(['post.author_id'])
      .select((eb) => eb.fn.max('post.created_at').as('at'))
      .where('post.author_id', 'in', personIds)
      .groupBy('post.author_id')
      .execute();
    return new Map(rows.map((r) => [r.author_id, String(r.at)]));
  }

  /** Active members outside the core group, by accepted answers, then answers, then posts. */
  async candidates(communityId: string, since: string, limit: number) {
    const rows = await this.namedPosts(communityId, since)
      .innerJoin('membership', (join) =>
        join.onRef('membership.person_id', '=', 'post.author_id').on('membership.community_id', '=', communityId),
      )
      .innerJoin('person', 'person.id', 'post.author_id')
      .leftJoin('team', 'team.id', 'person.team_id')
      .where('membership.status', '=', 'active')
      .where('membership.role', '=', 'member')
      .where('post.hidden_at', 'is', null)
      .select(['person.id', 'person.name', 'person.title', 'person.seniority', 'person.team_id', 'team.name as team_name'])
      .select((eb) => [
        eb.fn.countAll<number>().as('posts'),
        sql<number>`sum(case when thread.kind = 'question' and post.seq > 1 and post.author_id <> thread.author_id then 1 else 0 end)`.as(
          'answers',
        ),
        sql<number>`sum(case when thread.accepted_post_id = post.id and post.author_id <> thread.author_id then 1 else 0 end)`.as(
          'accepted',
        ),
      ])
      .groupBy(['person.id', 'person.name', 'person.title', 'person.seniority', 'person.team_id', 'team.name'])
      .execute();
    return rows
      .map((r) => ({ ...r, posts: Number(r.posts), answers: Number(r.answers), accepted: Number(r.accepted) }))
      .sort((a, b) => b.accepted - a.accepted || b.answers - a.answers || b.posts - a.posts || a.name.localeCompare(b.name))
      .slice(0, limit);
  }
}

import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { visibleTo } from '../communities/index.ts';

export type ItemRow = Tables['newcomer_item'] & { done: boolean };

/** The "start here" path of each community, each member's progress on it, and buddies. */
export class OnboardingRepository {
  constructor(private readonly db: DB) {}

  async items(communityId: string, personId: string): Promise<ItemRow[]> {
    const rows = await this.db
      .selectFrom('newcomer_item')
      .leftJoin('newcomer_progress', (join) =>
        join.onRef('newcomer_progress.item_id', '=', 'newcomer_item.id').on('newcomer_progress.person_id', '=', personId),
      )
      .selectAll('newcomer_item')
      .select('newcomer_progress.done_at')
      .where('newcomer_item.community_id', '=', communityId)
      .orderBy('newcomer_item.position')
      .orderBy('newcomer_item.id')
      .execute();
    return rows.map(({ done_at, ...item }) => ({ ...item, done: done_at !== null }));
  }

  async findItem(communityId: string, itemId: string, db: DB | Tx = this.db) {
    return db.selectFrom('newcomer_item').selectAll().where('id', '=', itemId).where('community_id', '=', communityId).executeTakeFirst();
  }

  async insertItem(row: Omit<Tables['newcomer_item'], 'position'>, tx: Tx): Promise<void> {
    // Appended at the end of the path; positions are only an order, gaps are fine.
    await tx
      .insertInto('newcomer_item')
      .values((eb) => ({
        ...row,
        position: eb
          .selectFrom('newcomer_item')
          .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
          .where('community_id', '=', row.community_id),
      }))
      .execute();
  }

  async removeItem(itemId: string, tx: Tx): Promise<void> {
    await tx.deleteFrom('newcomer_item').where('id', '=', itemId).execute();
  }

  async reorder(communityId: string, itemIds: string[], tx: Tx): Promise<void> {
    for (const [index, id] of itemIds.entries()) {
      await tx
        .updateTable('newcomer_item')
        .set({ position: index + 1 })
        .where('id', '=', id)
        .where('community_id', '=', communityId)
        .execute();
    }
  }

  async itemIds(communityId: string, tx: Tx): Promise<string[]> {
    return (await tx.selectFrom('newcomer_item').select('id').where('community_id', '=', communityId).execute()).map((r) => r.id);
  }

  /** Whether a thread belongs to the community (a "first question to answer" must be one of its own). */
  async threadIn(threadId: string, communityId: string): Promise<boolean> {
    return !!(await this.db
      .selectFrom('thread')
      .select('id')
      .where('id', '=', threadId)
      .where('community_id', '=', communityId)
      .executeTakeFirst());
  }

  async markDone(itemId: string, personId: string, at: string): Promise<void> {
    await this.db
      .insertInto('newcomer_progress')
      .values({ item_id: itemId, person_id: personId, done_at: at })
      .onConflict((oc) => oc.columns(['item_id', 'person_id']).doNothing())
      .execute();
  }

  async markUndone(itemId: string, personId: string): Promise<void> {
    await this.db.deleteFrom('newcomer_progress').where('item_id', '=', itemId).where('person_id', '=', personId).execute();
  }

  async buddyOf(communityId: string, personId: string, db: DB | Tx = this.db) {
    return db
      .selectFrom('newcomer_buddy')
      .select(['buddy_id', 'created_at'])
      .where('community_id', '=', communityId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
  }

  /** The active core member (or facilitator) with the fewest newcomers already, by name on ties. */
  async leastBusyCoreMember(communityId: string, exceptId: string, tx: Tx) {
    return (
      tx
        .selectFrom('membership')
        .innerJoin('person', 'person.id', 'membership.person_id')
        .select('membership.person_id')
        .select((eb) =>
          eb
            .selectFrom('newcomer_buddy')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('newcomer_buddy.buddy_id', '=', 'membership.person_id')
            .where('newcomer_buddy.community_id', '=', communityId)
            .as('load'),
        )
        .where('membership.community_id', '=', communityId)
        .where('membership.status', '=', 'active')
        .where('membership.role', 'in', ['core', 'facilitator'])
        .where('membership.person_id', '<>', exceptId)
        // Core members first: facilitators carry the community already.
        .orderBy('load')
        .orderBy(sql`case when membership.role = 'core' then 0 else 1 end`)
        .orderBy(sql`lower(person.name)`)
        .executeTakeFirst()
    );
  }

  async assignBuddy(communityId: string, personId: string, buddyId: string, at: string, tx: Tx): Promise<void> {
    await tx
      .insertInto('newcomer_buddy')
      .values({ community_id: communityId, person_id: personId, buddy_id: buddyId, created_at: at })
      .execute();
  }

  /** Home: the person's active communities that have a path, with their progress on each. */
  async myPaths(personId: string) {
    const rows = await this.db
      .selectFrom('newcomer_item')
      .innerJoin('community', 'community.id', 'newcomer_item.community_id')
      .innerJoin('membership', (join) =>
        join
          .onRef('membership.community_id', '=', 'community.id')
          .on('membership.person_id', '=', personId)
          .on('membership.status', '=', 'active'),
      )
      .leftJoin('newcomer_progress', (join) =>
        join.onRef('newcomer_progress.item_id', '=', 'newcomer_item.id').on('newcomer_progress.person_id', '=', personId),
      )
      .selectAll('newcomer_item')
      .select(['community.slug', 'community.name', 'newcomer_progress.done_at'])
      .where('community.stage', '<>', 'archived')
      .orderBy('community.name')
      .orderBy('newcomer_item.position')
      .execute();
    return rows;
  }

  /**
   * Home: unanswered questions the person might answer, in communities they may read — those
   * they were invited to, and those tagged with their skills or with tags they answered before.
   * Not their own (compared in SQL, so an anonymous asker stays anonymous).
   */
  async questionsFor(viewer: PersonActor, skillTags: string[], limit: number) {
    const me = viewer.personId;
    const answeredTags = this.db
      .selectFrom('post as p')
      .innerJoin('thread as t', 't.id', 'p.thread_id')
      .innerJoin('thread_tag as tt', 'tt.thread_id', 't.id')
      .select('tt.tag')
      .where('p.author_id', '=', me)
      .where('p.anonymous', '=', 0)
      .where('p.seq', '>', 1);
    return this.db
      .selectFrom('thread')
      .innerJoin('community', 'community.id', 'thread.community_id')
      .select(['thread.id', 'thread.title', 'thread.tags', 'thread.created_at', 'community.slug', 'community.name'])
      .select((eb) => [
        eb
          .exists(
            eb
              .selectFrom('thread_invitation')
              .select('thread_invitation.thread_id')
              .whereRef('thread_invitation.thread_id', '=', 'thread.id')
              .where('thread_invitation.person_id', '=', me),
          )
          .as('invited'),
      ])
      .where(visibleTo(viewer))
      .where('community.stage', '<>', 'archived')
      .where('thread.kind', '=', 'question')
      .where('thread.state', '=', 'unanswered')
      .where('thread.author_id', '<>', me)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('thread_invitation')
              .select('thread_invitation.thread_id')
              .whereRef('thread_invitation.thread_id', '=', 'thread.id')
              .where('thread_invitation.person_id', '=', me),
          ),
          eb.exists(
            eb
              .selectFrom('thread_tag')
              .select('thread_tag.tag')
              .whereRef('thread_tag.thread_id', '=', 'thread.id')
              .where((inner) =>
                inner.or([
                  ...(skillTags.length > 0 ? [inner('thread_tag.tag', 'in', skillTags)] : []),
                  inner('thread_tag.tag', 'in', answeredTags),
                ]),
              ),
          ),
        ]),
      )
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('post').select('post.id').whereRef('post.thread_id', '=', 'thread.id').where('post.author_id', '=', me)),
        ),
      )
      .orderBy('thread.created_at', 'desc')
      .orderBy('thread.id', 'desc')
      .limit(limit)
      .execute();
  }
}

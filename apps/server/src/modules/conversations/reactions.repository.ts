import type { DB, Tx } from '../../db/database.ts';

export type ReactionCountRow = { post_id: string; reaction: string; count: number; mine: number };

export class ReactionsRepository {
  constructor(private readonly db: DB) {}

  /** Counts per post and reaction, and whether the viewer is among them: one grouped query per page. */
  async counts(postIds: string[], viewerId: string | null, db: DB | Tx = this.db): Promise<ReactionCountRow[]> {
    if (postIds.length === 0) return [];
    const rows = await db
      .selectFrom('post_reaction')
      .select(['post_id', 'reaction'])
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn
          .max(
            eb
              .case()
              .when('person_id', '=', viewerId ?? '')
              .then(1)
              .else(0)
              .end(),
          )
          .as('mine'),
      ])
      .where('post_id', 'in', postIds)
      .groupBy(['post_id', 'reaction'])
      .execute();
    return rows.map((r) => ({ post_id: r.post_id, reaction: r.reaction, count: Number(r.count), mine: Number(r.mine) }));
  }

  /** Who reacted how, per post: the thread page cache derives every reader's counts and `mine` from it. */
  async reactors(postIds: string[]): Promise<{ post_id: string; reaction: string; person_id: string }[]> {
    if (postIds.length === 0) return [];
    return this.db.selectFrom('post_reaction').select(['post_id', 'reaction', 'person_id']).where('post_id', 'in', postIds).execute();
  }

  async add(postId: string, personId: string, reaction: string, at: string): Promise<void> {
    await this.db
      .insertInto('post_reaction')
      .values({ post_id: postId, person_id: personId, reaction, created_at: at })
      .onConflict((oc) => oc.columns(['post_id', 'reaction', 'person_id']).doNothing())
      .execute();
  }

  async remove(postId: string, personId: string, reaction: string): Promise<void> {
    await this.db
      .deleteFrom('post_reaction')
      .where('post_id', '=', postId)
      .where('person_id', '=', personId)
      .where('reaction', '=', reaction)
      .execute();
  }
}

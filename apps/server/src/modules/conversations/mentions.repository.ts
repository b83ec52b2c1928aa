import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { visibleTo } from '../communities/index.ts';

/** Caps the people one post can notify, and the size of the IN list that checks them. */
const MAX_MENTIONS_PER_POST = 50;

export class MentionsRepository {
  constructor(private readonly db: DB) {}

  /**
   * Stores who a post mentions (after an edit, replaces them). Ids that name nobody are
   * dropped: mentions come from free text, and a typo must not fail the post.
   */
  async replace(postId: string, personIds: string[], postCreatedAt: string, tx: Tx): Promise<string[]> {
    await tx.deleteFrom('post_mention').where('post_id', '=', postId).execute();
    const wanted = personIds.slice(0, MAX_MENTIONS_PER_POST);
    if (wanted.length === 0) return [];
    const existing = await tx.selectFrom('person').select('id').where('id', 'in', wanted).execute();
    const known = new Set(existing.map((p) => p.id));
    const mentioned = wanted.filter((id) => known.has(id));
    if (mentioned.length > 0) {
      await tx
        .insertInto('post_mention')
        .values(mentioned.map((person_id) => ({ post_id: postId, person_id, created_at: postCreatedAt })))
        .execute();
    }
    return mentioned;
  }

  /**
   * Posts mentioning the actor, newest first, among those they can still read: in a community
   * visible to them, and neither deleted nor hidden since.
   */
  async list(actor: PersonActor, after: [string, string] | undefined, limit: number) {
    let query = this.db
      .selectFrom('post_mention')
      .innerJoin('post', 'post.id', 'post_mention.post_id')
      .innerJoin('thread', 'thread.id', 'post.thread_id')
      .innerJoin('community', 'community.id', 'thread.community_id')
      .select([
        'post_mention.created_at as mentioned_at',
        'post.id as post_id',
        'post.body_html',
        'post.created_at',
        'thread.id as thread_id',
        'thread.title',
        'thread.kind',
        'community.id as community_id',
        'community.slug',
        'community.name',
      ])
      .select((eb) => eb.case().when('post.anonymous', '=', 0).then(eb.ref('post.author_id')).end().as('public_author_id'))
      .where('post_mention.person_id', '=', actor.personId)
      .where('post.deleted_at', 'is', null)
      .where('post.hidden_at', 'is', null)
      .where('thread.community_id', 'in', this.db.selectFrom('community').select('community.id').where(visibleTo(actor)));
    if (after) {
      query = query.where(
        sql<boolean>`(${sql.ref('post_mention.created_at')}, ${sql.ref('post_mention.post_id')}) < (${after[0]}, ${after[1]})`,
      );
    }
    return query
      .orderBy('post_mention.created_at', 'desc')
      .orderBy('post_mention.post_id', 'desc')
      .limit(limit + 1)
      .execute();
  }
}

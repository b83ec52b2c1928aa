import { compiledOnce } from '../../db/compiled-query.ts';
import type { DB } from '../../db/database.ts';

export type Labels = {
  communities: Map<string, { slug: string; name: string; visibility: string }>;
  threadTitles: Map<string, string>;
  people: Map<string, string>;
};

/** Every search and every suggestion asks it first: compiled once (db/compiled-query.ts). */
const readablePrivate = compiledOnce(1, (db, personId: string) =>
  db
    .selectFrom('membership')
    .innerJoin('community', 'community.id', 'membership.community_id')
    .select('community.id')
    .where('membership.person_id', '=', personId)
    .where('membership.status', 'in', ['active', 'invited'])
    .where('community.visibility', '=', 'private'),
);

/** Names for what a result page shows: communities, the threads replies belong to, authors. */
export class SearchLabelsRepository {
  constructor(private readonly db: DB) {}

  async labels(communityIds: string[], threadIds: string[], personIds: string[]): Promise<Labels> {
    const [communities, threads, people] = await Promise.all([
      communityIds.length
        ? this.db.selectFrom('community').select(['id', 'slug', 'name', 'visibility']).where('id', 'in', communityIds).execute()
        : [],
      threadIds.length ? this.db.selectFrom('thread').select(['id', 'title']).where('id', 'in', threadIds).execute() : [],
      personIds.length ? this.db.selectFrom('person').select(['id', 'name']).where('id', 'in', personIds).execute() : [],
    ]);
    return {
      communities: new Map(communities.map((c) => [c.id, { slug: c.slug, name: c.name, visibility: c.visibility }])),
      threadTitles: new Map(threads.map((t) => [t.id, t.title])),
      people: new Map(people.map((p) => [p.id, p.name])),
    };
  }

  /** Private communities the person may read: those they belong to or are invited to. */
  async readablePrivateCommunityIds(personId: string): Promise<string[]> {
    const rows = await readablePrivate(this.db, personId);
    return rows.map((r) => r.id);
  }

  async communityBySlug(slug: string): Promise<{ id: string; visibility: string } | undefined> {
    return this.db.selectFrom('community').select(['id', 'visibility']).where('slug', '=', slug).executeTakeFirst();
  }
}

import { sql } from 'kysely';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import type { NextRequest } from './load.ts';
import { Rng } from './random.ts';
import { BENCH_MEMBER } from './scale.ts';
import { postBody } from './text.ts';
import { NOUNS, RARE_TERMS, TOPICS } from './vocabulary.ts';

/** What the scenarios rotate over, read from the seeded database before the server starts. */
export type Targets = {
  longestThreadId: string;
  longestThreadPosts: number;
  readThreadIds: string[];
  writeThreadIds: string[];
  communitySlugs: string[];
  posts: number;
};

export async function loadTargets(databaseUrl: string): Promise<Targets> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const member = await db.selectFrom('person').select('id').where('email', '=', BENCH_MEMBER.email).executeTakeFirst();
    if (!member) throw new Error(`${databaseUrl} has no ${BENCH_MEMBER.email}: seed it first (npm run bench:seed).`);
    const longest = await db
      .selectFrom('thread')
      .select(['id', 'post_count'])
      .orderBy('post_count', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    // Threads of open communities, long and short alike (every 1 in n, spread over the table).
    const readable = await db
      .selectFrom('thread')
      .innerJoin('community', 'community.id', 'thread.community_id')
      .select('thread.id')
      .where('community.visibility', '=', 'open')
      .where('thread.post_count', '>=', 2)
      .orderBy('thread.id')
      .execute();
    const step = Math.max(1, Math.floor(readable.length / 1000));
    const readThreadIds = [longest.id, ...readable.filter((_, i) => i % step === 0).map((r) => r.id)];
    // Where the bench member may reply: active membership, open for posting, not locked.
    const writable = await db
      .selectFrom('thread')
      .innerJoin('membership', (j) =>
        j.onRef('membership.community_id', '=', 'thread.community_id').on('membership.person_id', '=', member.id),
      )
      .innerJoin('community', 'community.id', 'thread.community_id')
      .select('thread.id')
      .where('membership.status', '=', 'active')
      .where('community.stage', '<>', 'archived')
      .where('thread.locked', '=', 0)
      .orderBy('thread.last_activity_at', 'desc')
      .limit(500)
      .execute();
    const slugs = await db
      .selectFrom('community')
      .select('slug')
      .where('visibility', '=', 'open')
      .orderBy(sql`(select count(*) from membership m where m.community_id = community.id)`, 'desc')
      .limit(60)
      .execute();
    const { n } = await db
      .selectFrom('post')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      longestThreadId: longest.id,
      longestThreadPosts: longest.post_count,
      readThreadIds,
      writeThreadIds: writable.map((r) => r.id),
      communitySlugs: slugs.map((s) => s.slug),
      posts: Number(n),
    };
  } finally {
    await close();
  }
}

const cycle = <T>(items: T[]) => {
  let i = 0;
  return () => items[i++ % items.length] as T;
};

/** The first page of replies (the API's default page of 50), the longest thread once in ten requests. */
export function threadPage(t: Targets): NextRequest {
  const next = cycle(t.readThreadIds);
  let i = 0;
  return () => ({ path: `/api/v1/threads/${i++ % 10 === 0 ? t.longestThreadId : next()}/posts` });
}

/** What a community's page loads: the community, then its thread list (alternating). */
export function communityHome(t: Targets): NextRequest {
  let i = 0;
  return () => {
    const slug = t.communitySlugs[Math.floor(i / 2) % t.communitySlugs.length] as string;
    return { path: i++ % 2 === 0 ? `/api/v1/communities/${slug}` : `/api/v1/threads?community=${slug}` };
  };
}

/**
 * 70% common or mixed queries (words in tens of thousands of posts, combinations of them, a
 * phrase, an exclusion, OR), 30% rare words (a few dozen documents each).
 */
export function searchQueries(): string[] {
  const common = NOUNS.slice(0, 12).filter((w) => !w.includes(' '));
  const topics = TOPICS.slice(0, 10).flatMap((t) => t.terms.slice(0, 2));
  const mixed = [
    ...common.map((w, i) => `${w} ${topics[i % topics.length]}`),
    '"connection pool"',
    '"feature flag" rollout',
    'kubernetes -helm',
    'deploy -rollback',
    'grpc OR graphql',
    'flaky test',
    'postgres vacuum',
    'cache invalidation',
  ];
  // The first nine (error names) also appear in generated stack traces, so they are not rare.
  const rare = RARE_TERMS.slice(9)
    .filter((_, i) => i % 7 === 0)
    .slice(0, 20);
  const queries: string[] = [];
  for (let i = 0; i < 100; i++) {
    if (i % 10 < 3) queries.push(rare[i % rare.length] as string);
    else if (i % 10 < 5) queries.push(common[i % common.length] as string);
    else queries.push(mixed[i % mixed.length] as string);
  }
  return queries;
}

export function search(): NextRequest {
  const next = cycle(searchQueries());
  return () => ({ path: `/api/v1/search?q=${encodeURIComponent(next())}` });
}

/** What someone types into the search box: 2 to 5 letters of title and community words. */
export function suggestions(): NextRequest {
  const words = [...NOUNS.slice(0, 40), ...TOPICS.map((t) => t.name.toLowerCase())]
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter((w) => w.length >= 5);
  const prefixes = words.flatMap((w, i) => [w.slice(0, 2 + (i % 4))]);
  const next = cycle(prefixes);
  return () => ({ path: `/api/v1/search/suggest?q=${encodeURIComponent(next())}` });
}

/** Replies with generated Markdown (code blocks included), spread over hundreds of threads. */
export function createPost(t: Targets): NextRequest {
  const next = cycle(t.writeThreadIds);
  let i = 0;
  return () => {
    const rng = new Rng(7, i++);
    const body = postBody(rng, rng.pick(TOPICS)).markdown;
    return { path: `/api/v1/threads/${next()}/posts`, method: 'POST', body: JSON.stringify({ body }) };
  };
}

import type { SearchResults } from '@guildhall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { bringIn, join, reply, startThread } from '../../modules/conversations/test-helpers.ts';

/**
 * Search, end to end through the API on the dialect under test: the query syntax, every
 * filter, ranking, the index kept in step with writes, and who may find what.
 */
let t: TestApp;
let admin: Client;
let fran: Client; // facilitator of both communities
let bo: Client; // member of the open one only
let zed: Client; // asks anonymously
let outsider: Client;
let open: { id: string; slug: string };
let secret: { id: string; slug: string };
const ids = {} as Record<'tracing' | 'answer' | 'other' | 'anonymous' | 'redis' | 'memcached' | 'postmortem', string>;

async function search(client: Client, query: Record<string, string>) {
  const res = await client.request('GET', `/api/v1/search?${new URLSearchParams(query)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchResults;
}
const idsOf = (r: SearchResults) => r.items.map((i) => i.id);

async function suggest(client: Client, q: string) {
  const res = await client.request('GET', `/api/v1/search/suggest?${new URLSearchParams({ q })}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; title: string; kind: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Org Admin');
  fran = await signUp(t.app, 'Fran Facilitator');
  bo = await signUp(t.app, 'Bo Member');
  zed = await signUp(t.app, 'Zephyrine Quillfeather');
  outsider = await signUp(t.app, 'Olga Outsider');
  open = await createCommunity(fran, { name: 'Kubernetes Observability', domain: 'Tracing, metrics and logs on our clusters.' });
  secret = await createCommunity(fran, { name: 'Incident Retrospectives', domain: 'Blameless reviews.', visibility: 'private' });
  await join(bo, open.slug);
  await join(zed, open.slug);
  await bringIn(fran, bo, secret.slug);

  const tracing = await startThread(fran, open.slug, {
    kind: 'question',
    title: 'Sampling strategy for distributed tracing',
    tags: ['tracing', 'otel'],
    body: 'Head-based or tail-based sampling for our Go services?',
  });
  ids.tracing = tracing.id;
  ids.answer = (await reply(bo, tracing.id, { body: 'Tail-based sampling keeps the slow requests you care about.' })).id;
  ids.other = (await reply(zed, tracing.id, { body: 'We sample everything at one percent, tail or head.' })).id;
  const accepted = await fran.request('POST', `/api/v1/threads/${tracing.id}/accept`, { postId: ids.answer });
  expect(accepted.statusCode, accepted.body).toBe(200);

  ids.anonymous = (
    await startThread(zed, open.slug, {
      kind: 'question',
      title: 'Is it normal to not understand cardinality?',
      body: 'Embarrassed to ask: what makes label cardinality explode?',
      anonymous: true,
    })
  ).id;
  ids.redis = (
    await startThread(bo, open.slug, { title: 'Redis eviction surprises', tags: ['caching'], body: 'maxmemory policy bit us' })
  ).id;
  ids.memcached = (await startThread(bo, open.slug, { title: 'Memcached slab rebalancing', body: 'slab calcification again' })).id;
  ids.postmortem = (
    await startThread(fran, secret.slug, {
      title: 'Postmortem of the tracing outage',
      body: 'Collector ran out of memory during sampling.',
    })
  ).id;
}, 60_000);

afterAll(() => t?.close());

describe('search: query syntax', () => {
  it('requires every word, and stems them', async () => {
    const r = await search(bo, { q: 'sampled services' });
    expect(idsOf(r)).toContain(ids.tracing);
    expect(idsOf(r)).not.toContain(ids.redis);
  });

  it('matches "exact phrases" only in that order', async () => {
    expect(idsOf(await search(bo, { q: '"the slow requests"' }))).toEqual([ids.answer]);
    expect(idsOf(await search(bo, { q: '"requests slow"' }))).toEqual([]);
  });

  it('excludes -words and -"phrases"', async () => {
    const withTail = idsOf(await search(bo, { q: 'sample' }));
    expect(withTail).toEqual(expect.arrayContaining([ids.tracing, ids.answer, ids.other]));
    const without = idsOf(await search(bo, { q: 'sample -slow' }));
    expect(without).toEqual(expect.arrayContaining([ids.tracing, ids.other]));
    expect(without).not.toContain(ids.answer);
    expect(idsOf(await search(bo, { q: 'sample -"one percent"' }))).not.toContain(ids.other);
  });

  it('OR matches either alternative', async () => {
    const r = idsOf(await search(bo, { q: 'redis OR memcached' }));
    expect(r).toEqual(expect.arrayContaining([ids.redis, ids.memcached]));
    expect(r).toHaveLength(2);
  });

  it('turns punctuation into phrases instead of query syntax', async () => {
    for (const q of ['NEAR(a b)', 'title:secret', 'a* OR', '"unbalanced', "'; DROP TABLE post; --", 'AND NOT OR', '(((']) {
      const res = await bo.request('GET', `/api/v1/search?${new URLSearchParams({ q })}`);
      expect([200, 400], `${q}: ${res.body}`).toContain(res.statusCode);
    }
  });

  it('explains a query of exclusions only, naming the field', async () => {
    const res = await bo.request('GET', '/api/v1/search?q=-tracing');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'search.query_needs_words', errors: [{ field: 'q' }] });
  });
});

describe('search: ranking and presentation', () => {
  it('puts the exact title match first', async () => {
    const r = await search(bo, { q: 'Redis eviction surprises' });
    expect(r.items[0]).toMatchObject({ id: ids.redis, kind: 'thread', url: `/threads/${ids.redis}` });
  });

  it('lifts the accepted answer above another reply', async () => {
    const r = await search(bo, { q: 'sampling', kind: 'post' });
    expect(r.items[0]).toMatchObject({ id: ids.answer, accepted: true, title: 'Sampling strategy for distributed tracing' });
    expect(r.items[0]?.url).toBe(`/threads/${ids.tracing}#post-${ids.answer}`);
  });

  it('highlights matches in an escaped snippet', async () => {
    const thread = await startThread(bo, open.slug, { title: 'Escaping check', body: 'a <script>alert(1)</script> zanzibar <b>bold</b>' });
    const r = await search(bo, { q: 'zanzibar' });
    const hit = r.items.find((i) => i.id === thread.id);
    expect(hit?.snippet).toContain('<mark>zanzibar</mark>');
    // SQLite shows the markup as escaped text; PostgreSQL's ts_headline drops it: never live markup.
    expect(hit?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
  });

  it('counts results by kind for the facets, and pages with a cursor', async () => {
    const r = await search(bo, { q: 'sampling', limit: '1' });
    // Bo also reads the private community, whose postmortem mentions sampling.
    expect(r.facets.kinds).toEqual({ thread: 2, post: 2 });
    expect(r.items).toHaveLength(1);
    const next = await search(bo, { q: 'sampling', limit: '1', cursor: r.nextCursor ?? '' });
    expect(next.items[0]?.id).not.toBe(r.items[0]?.id);
  });
});

describe('search: filters', () => {
  it('by community, kind, author, tag and date range', async () => {
    expect(idsOf(await search(bo, { q: 'sampling', community: open.slug, kind: 'thread' }))).toEqual([ids.tracing]);
    expect(idsOf(await search(bo, { q: 'sampling', author: bo.id }))).toEqual([ids.answer]);
    expect(idsOf(await search(bo, { q: 'maxmemory OR sampling', tag: 'caching' }))).toEqual([ids.redis]);
    expect(idsOf(await search(bo, { q: 'sampling', tag: 'otel', kind: 'thread' }))).toEqual([ids.tracing]);
    expect(idsOf(await search(bo, { q: 'sampling', from: '2999-01-01' }))).toEqual([]);
    expect(idsOf(await search(bo, { q: 'sampling', to: '2000-01-01' }))).toEqual([]);
    expect(idsOf(await search(bo, { q: 'kubernetes', kind: 'community' }))).toEqual([open.id]);
    expect(idsOf(await search(bo, { q: 'zephyrine', kind: 'person' }))).toEqual([zed.id]);
  });

  it('rejects an unknown kind and a bad date, naming the field', async () => {
    for (const [query, field] of [
      ['q=x&kind=spaceship', 'kind'],
      ['q=x&from=yesterday', 'from'],
      ['q=x&cursor=-4', 'cursor'],
    ] as const) {
      const res = await bo.request('GET', `/api/v1/search?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json().errors), query).toContain(field);
    }
  });
});

describe('search: who may find what', () => {
  it("never shows a private community's content to a non-member, nor counts it", async () => {
    for (const q of ['postmortem', 'incident retrospectives', 'collector memory']) {
      const r = await search(outsider, { q });
      expect(r.items, q).toEqual([]);
      expect(r.facets.kinds, q).toEqual({});
    }
    const filtered = await outsider.request('GET', `/api/v1/search?q=postmortem&community=${secret.slug}`);
    expect(filtered.statusCode).toBe(404);
    expect(filtered.json().code).toBe('community.not_found');
  });

  it('shows it to members and org admins', async () => {
    expect(idsOf(await search(bo, { q: 'postmortem' }))).toEqual([ids.postmortem]);
    expect(idsOf(await search(admin, { q: 'postmortem' }))).toEqual([ids.postmortem]);
    expect(idsOf(await search(bo, { q: 'incident', kind: 'community' }))).toEqual([secret.id]);
  });

  it('never reveals an anonymous author, to anyone', async () => {
    for (const viewer of [bo, fran, admin, zed]) {
      const r = await search(viewer, { q: 'cardinality' });
      expect(idsOf(r)).toEqual([ids.anonymous]);
      expect(r.items[0]?.author).toBeNull();
      expect(JSON.stringify(r)).not.toContain(zed.id);
      expect(JSON.stringify(r)).not.toContain('Zephyrine');
      expect(idsOf(await search(viewer, { q: 'cardinality', author: zed.id }))).toEqual([]);
    }
  });

  it('requires a signed-in person', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=tracing' });
    expect(res.statusCode).toBe(401);
  });
});

describe('search: the index follows every write', () => {
  it('finds a post right after it is written, and its edit, and not after deletion or hiding', async () => {
    const post = await reply(bo, ids.redis, { body: 'quokka allocator notes' });
    expect(idsOf(await search(bo, { q: 'quokka' }))).toEqual([post.id]);

    const edit = await bo.request('PATCH', `/api/v1/posts/${post.id}`, { body: 'wombat allocator notes', version: post.version });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(idsOf(await search(bo, { q: 'quokka' }))).toEqual([]);
    expect(idsOf(await search(bo, { q: 'wombat' }))).toEqual([post.id]);

    const hide = await fran.request('POST', `/api/v1/posts/${post.id}/hide`, { reason: 'test' });
    expect(hide.statusCode, hide.body).toBe(200);
    expect(idsOf(await search(bo, { q: 'wombat' }))).toEqual([]);
    const restore = await fran.request('POST', `/api/v1/posts/${post.id}/restore`, {});
    expect(restore.statusCode, restore.body).toBe(200);
    expect(idsOf(await search(bo, { q: 'wombat' }))).toEqual([post.id]);

    const del = await bo.request('DELETE', `/api/v1/posts/${post.id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect(idsOf(await search(bo, { q: 'wombat' }))).toEqual([]);
  });

  it('follows a thread into a private community when it is moved', async () => {
    const thread = await startThread(fran, open.slug, { title: 'Narwhal capacity planning', body: 'numbers' });
    expect(idsOf(await search(outsider, { q: 'narwhal' }))).toEqual([thread.id]);
    const moved = await fran.request('POST', `/api/v1/threads/${thread.id}/move`, { community: secret.slug });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(idsOf(await search(outsider, { q: 'narwhal' }))).toEqual([]);
    expect(idsOf(await search(bo, { q: 'narwhal' }))).toEqual([thread.id]);
  });

  it('leaves no index entry when the write fails', async () => {
    const lock = await fran.request('PATCH', `/api/v1/threads/${ids.memcached}/moderation`, { locked: true });
    expect(lock.statusCode, lock.body).toBe(200);
    const refused = await bo.request('POST', `/api/v1/threads/${ids.memcached}/posts`, { body: 'platypus in a locked thread' });
    expect(refused.statusCode).toBe(409);
    expect(idsOf(await search(bo, { q: 'platypus' }))).toEqual([]);
  });
});

describe('search: title suggestions', () => {
  it('completes the last word as a prefix', async () => {
    expect((await suggest(bo, 'sampling strat')).map((s) => s.id)).toEqual([ids.tracing]);
    expect((await suggest(bo, 'kube')).map((s) => s.id)).toContain(open.id);
    expect(await suggest(bo, 'k')).toEqual([]);
  });

  it('suggests nothing private to a non-member', async () => {
    expect((await suggest(outsider, 'postm')).map((s) => s.id)).toEqual([]);
    expect((await suggest(bo, 'postm')).map((s) => s.id)).toEqual([ids.postmortem]);
  });

  it('follows a retitled thread at once, under its new title only', async () => {
    const renamed = await fran.request('PATCH', `/api/v1/threads/${ids.tracing}`, { title: 'Head-based versus tail-based sampling' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await suggest(bo, 'tail-based sampl')).map((s) => s.id)).toEqual([ids.tracing]);
    expect((await suggest(bo, 'sampling strat')).map((s) => s.id)).toEqual([]);
  });
});

describe('search: reindex', () => {
  it('rebuilds exactly what the triggers wrote', async () => {
    const { reindex } = await import('./reindex.ts');
    const snapshot = () =>
      t.database.db
        .selectFrom('search_document')
        .select(['kind', 'ref_id', 'community_id', 'thread_id', 'title', 'body', 'tags', 'author_id', 'accepted'])
        .orderBy('kind')
        .orderBy('ref_id')
        .execute();
    const before = await snapshot();
    const counts = await reindex(t.database);
    expect(await snapshot()).toEqual(before);
    expect(counts.post).toBe(before.filter((d) => d.kind === 'post').length);
    expect(idsOf(await search(bo, { q: '"the slow requests"' }))).toEqual([ids.answer]);
  });
});

describe('search: knowledge pages', () => {
  it('finds published pages in step with saves, never drafts or private ones', async () => {
    const create = async (client: Client, slug: string, body: Record<string, unknown>) => {
      const res = await client.request('POST', `/api/v1/communities/${slug}/pages`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    const guide = await create(fran, open.slug, {
      title: 'Okapi runbook',
      kind: 'how-to',
      bodySource: '## Steps\nRestart the okapi.',
      tags: ['ops'],
    });
    const draft = await create(fran, open.slug, { title: 'Okapi draft', kind: 'guide', bodySource: 'okapi notes', status: 'draft' });
    const hidden = await create(fran, secret.slug, { title: 'Okapi incident', kind: 'lesson-learned', bodySource: 'okapi' });

    const found = await search(outsider, { q: 'okapi' });
    expect(idsOf(found)).toEqual([guide.id]);
    expect(found.items[0]).toMatchObject({ kind: 'page', url: `/communities/${open.slug}/knowledge/${guide.id}` });
    expect(idsOf(await search(bo, { q: 'okapi', kind: 'page' })).sort()).toEqual([guide.id, hidden.id].sort());
    expect(idsOf(await search(outsider, { q: 'okapi', tag: 'ops' }))).toEqual([guide.id]);
    expect(draft.id).not.toBe(guide.id);

    const saved = await fran.request('PUT', `/api/v1/pages/${guide.id}`, {
      version: guide.version,
      title: 'Okapi runbook',
      bodySource: 'Restart the capybara.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(idsOf(await search(outsider, { q: 'capybara' }))).toEqual([guide.id]);
    expect((await suggest(outsider, 'okap')).map((s) => s.id)).toEqual([guide.id]);

    const removed = await fran.request('DELETE', `/api/v1/pages/${guide.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(idsOf(await search(outsider, { q: 'capybara' }))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectUnderTest, type TestApp } from '../../../test/harness.ts';
import {
  ACTORS,
  type ActorName,
  type Actors,
  type Cell,
  type Expectation,
  type Request,
  setUpActors,
} from '../../../test/permission-actors.ts';
import { freshKnowledge } from './permission-fixture.ts';

/**
 * The knowledge room's rows of the permission matrix: every route × every kind of actor,
 * against an open and a private community. A "hidden" cell answers 404 with the code of what was
 * addressed and gives nothing away: not the community, not the page's title.
 */
let t: TestApp;
let ids: Actors['ids'];
let send: Actors['send'];

beforeAll(async () => {
  t = await createTestApp();
  ({ ids, send } = await setUpActors(t));
});
afterAll(() => t.close());

const fresh = (visibility: 'open' | 'private') => freshKnowledge(t, ids, visibility);

type Fixture = Awaited<ReturnType<typeof fresh>>;
type Route = { name: string; request: (f: Fixture) => Request; expect: Expectation; hiddenCode?: string };

const readers = (ok = 200): Expectation => ({ anonymous: 401, nonMember: ok, member: ok, core: ok, facilitator: ok, admin: ok, token: ok });
// Writing needs membership: admins see every community but join it to write in it.
const members = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: ok,
  core: ok,
  facilitator: ok,
  admin: 403,
  token: ok,
});
const curators = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: 403,
  core: 403,
  facilitator: ok,
  admin: ok,
  token: ok,
});
// A draft shows to its owner and the community's facilitators: not even to org admins.
const draftReaders = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 'hidden',
  member: 'hidden',
  core: 'hidden',
  facilitator: ok,
  admin: 'hidden',
  token: ok,
});

const pageUrl = (f: Fixture, rest = '') => `/api/v1/pages/${f.pageId}${rest}`;
const boardUrl = (f: Fixture, rest = '') => `/api/v1/whiteboards/${f.boardId}${rest}`;
const scene = { type: 'excalidraw', version: 2, elements: [{ id: 'a', type: 'rectangle' }] };

const ROUTES: Route[] = [
  { name: 'GET pages', request: (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/pages` }), expect: readers() },
  {
    name: 'GET stale pages',
    request: (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/pages?stale=true` }),
    expect: readers(),
  },
  { name: 'GET tree', request: (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/pages/tree` }), expect: readers() },
  {
    name: 'POST page',
    request: (f) => ({ method: 'POST', url: `/api/v1/communities/${f.slug}/pages`, payload: { title: 'New', kind: 'guide' } }),
    expect: members(201),
  },
  {
    name: 'POST preview',
    request: (f) => ({ method: 'POST', url: `/api/v1/communities/${f.slug}/pages/preview`, payload: { bodySource: '[[x]]' } }),
    expect: readers(),
  },
  { name: 'GET page', request: (f) => ({ method: 'GET', url: pageUrl(f) }), expect: readers(), hiddenCode: 'page.not_found' },
  {
    name: 'GET draft',
    request: (f) => ({ method: 'GET', url: `/api/v1/pages/${f.draftId}` }),
    expect: draftReaders(200),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'PUT draft',
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/pages/${f.draftId}`,
      payload: { version: 1, title: 'Renamed draft', bodySource: 'x' },
    }),
    expect: draftReaders(200),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'PUT page',
    request: (f) => ({ method: 'PUT', url: pageUrl(f), payload: { version: 1, title: 'Renamed', bodySource: 'New' } }),
    expect: members(200),
    hiddenCode: 'page.not_found',
  },
  { name: 'DELETE page', request: (f) => ({ method: 'DELETE', url: pageUrl(f) }), expect: curators(204), hiddenCode: 'page.not_found' },
  {
    name: 'PUT owner',
    request: (f) => ({ method: 'PUT', url: pageUrl(f, '/owner'), payload: { ownerId: ids.member } }),
    expect: curators(200),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'POST confirm-fresh',
    request: (f) => ({ method: 'POST', url: pageUrl(f, '/confirm-fresh') }),
    expect: members(200),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'GET backlinks',
    request: (f) => ({ method: 'GET', url: pageUrl(f, '/backlinks') }),
    expect: readers(),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'GET revisions',
    request: (f) => ({ method: 'GET', url: pageUrl(f, '/revisions') }),
    expect: readers(),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'GET revision',
    request: (f) => ({ method: 'GET', url: pageUrl(f, '/revisions/1') }),
    expect: readers(),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'GET diff',
    request: (f) => ({ method: 'GET', url: pageUrl(f, '/diff?from=1&to=1') }),
    expect: readers(),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'POST restore',
    request: (f) => ({ method: 'POST', url: pageUrl(f, '/revisions/1/restore'), payload: { version: 1 } }),
    expect: members(200),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'GET page export',
    request: (f) => ({ method: 'GET', url: pageUrl(f, '/export') }),
    expect: readers(),
    hiddenCode: 'page.not_found',
  },
  {
    name: 'GET community export',
    request: (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/knowledge/export` }),
    expect: readers(),
  },
  {
    name: 'POST import',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/communities/${f.slug}/knowledge/import`,
      payload: { files: [{ path: 'a.md', content: '# Imported' }] },
    }),
    expect: curators(201),
  },
  {
    name: 'POST capture thread',
    request: (f) => ({ method: 'POST', url: `/api/v1/threads/${f.threadId}/capture`, payload: {} }),
    expect: members(201),
    hiddenCode: 'thread.not_found',
  },
  {
    name: 'POST capture session',
    request: (f) => ({ method: 'POST', url: `/api/v1/events/${f.eventId}/occurrences/${f.key}/capture`, payload: {} }),
    expect: members(201),
    hiddenCode: 'event.not_found',
  },
  { name: 'GET whiteboards', request: (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/whiteboards` }), expect: readers() },
  {
    name: 'POST whiteboard',
    request: (f) => ({ method: 'POST', url: `/api/v1/communities/${f.slug}/whiteboards`, payload: { title: 'Board', scene } }),
    expect: members(201),
  },
  { name: 'GET whiteboard', request: (f) => ({ method: 'GET', url: boardUrl(f) }), expect: readers(), hiddenCode: 'whiteboard.not_found' },
  {
    name: 'PUT whiteboard',
    request: (f) => ({ method: 'PUT', url: boardUrl(f), payload: { version: 1, scene } }),
    expect: members(200),
    hiddenCode: 'whiteboard.not_found',
  },
  {
    name: 'DELETE whiteboard',
    request: (f) => ({ method: 'DELETE', url: boardUrl(f) }),
    expect: curators(204),
    hiddenCode: 'whiteboard.not_found',
  },
  {
    name: 'GET whiteboard revisions',
    request: (f) => ({ method: 'GET', url: boardUrl(f, '/revisions') }),
    expect: readers(),
    hiddenCode: 'whiteboard.not_found',
  },
  {
    name: 'GET whiteboard revision',
    request: (f) => ({ method: 'GET', url: boardUrl(f, '/revisions/1') }),
    expect: readers(),
    hiddenCode: 'whiteboard.not_found',
  },
  {
    name: 'POST whiteboard restore',
    request: (f) => ({ method: 'POST', url: boardUrl(f, '/revisions/1/restore'), payload: { version: 1 } }),
    expect: members(200),
    hiddenCode: 'whiteboard.not_found',
  },
  {
    name: 'GET preview.svg',
    request: (f) => ({ method: 'GET', url: boardUrl(f, '/preview.svg') }),
    expect: readers(),
    hiddenCode: 'whiteboard.not_found',
  },
];

async function check(actor: ActorName, f: Fixture, route: Route, expected: Cell) {
  const res = await send(actor, route.request(f));
  if (expected === 'hidden') {
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().code).toBe(route.hiddenCode ?? 'community.not_found');
    for (const secret of [f.id, f.name, f.title, 'Secret']) expect(res.body).not.toContain(secret);
  } else {
    expect(res.statusCode, res.body).toBe(expected);
  }
  if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
}

describe(`knowledge permissions on ${dialectUnderTest}`, () => {
  for (const visibility of ['open', 'private'] as const) {
    for (const route of ROUTES) {
      it.each(ACTORS)(`${visibility} community · ${route.name} · %s`, async (actor) => {
        const f = await fresh(visibility);
        const cell = route.expect[actor];
        // In a private community, what a non-member asks about does not exist.
        const expected = visibility === 'private' && actor === 'nonMember' ? 'hidden' : cell;
        await check(actor, f, route, expected);
      });
    }
  }

  it.each(ACTORS)('org · GET knowledge/templates · %s', async (actor) => {
    const res = await send(actor, { method: 'GET', url: '/api/v1/knowledge/templates' });
    expect(res.statusCode).toBe(actor === 'anonymous' ? 401 : 200);
  });

  it.each(ACTORS)('captures of a private community’s thread are invisible to outsiders · %s', async (actor) => {
    const f = await fresh('private');
    const res = await send(actor, { method: 'GET', url: `/api/v1/knowledge/captures?sourceType=thread&sourceId=${f.threadId}` });
    if (actor === 'anonymous') return expect(res.statusCode).toBe(401);
    expect(res.statusCode).toBe(200);
    const items: { id: string }[] = res.json().items;
    // The published page captured it; the draft is the bystander's (and the facilitators').
    const expected = actor === 'nonMember' ? [] : actor === 'facilitator' || actor === 'token' ? [f.pageId, f.draftId] : [f.pageId];
    expect(items.map((p) => p.id).sort()).toEqual([...expected].sort());
    if (actor === 'nonMember') expect(res.body).not.toContain('Secret');
  });
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { dialectUnderTest } from '../../../test/harness.ts';
import {
  ACTORS,
  both,
  type Expectation,
  type Fixture,
  facilitators,
  members,
  permissionFixture,
  type Request,
  readers,
} from '../communities/permission-fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await permissionFixture();
});
afterAll(() => f.t.close());

type Route = { name: string; request: (c: { slug: string; itemId: string }) => Request; open: Expectation; private: Expectation };

const ROUTES: Route[] = [
  { name: 'GET start-here', request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/start-here` }), ...both(readers) },
  {
    name: 'POST start-here item',
    request: ({ slug }) => ({
      method: 'POST',
      url: `/api/v1/communities/${slug}/start-here`,
      payload: { kind: 'text', title: 'Hi', body: 'Hello' },
    }),
    ...both(facilitators(201)),
  },
  {
    name: 'PUT start-here order',
    request: ({ slug, itemId }) => ({ method: 'PUT', url: `/api/v1/communities/${slug}/start-here/order`, payload: { itemIds: [itemId] } }),
    ...both(facilitators(200)),
  },
  {
    name: 'DELETE start-here item',
    request: ({ slug, itemId }) => ({ method: 'DELETE', url: `/api/v1/communities/${slug}/start-here/${itemId}` }),
    ...both(facilitators(204)),
  },
  {
    name: 'PUT step done',
    request: ({ slug, itemId }) => ({ method: 'PUT', url: `/api/v1/communities/${slug}/start-here/${itemId}/done` }),
    ...both(members(200)),
  },
  {
    name: 'DELETE step done',
    request: ({ slug, itemId }) => ({ method: 'DELETE', url: `/api/v1/communities/${slug}/start-here/${itemId}/done` }),
    ...both(members(200)),
  },
  // The core member has no other core member to pair with (facilitators are buddies too).
  {
    name: 'POST buddy',
    request: ({ slug }) => ({ method: 'POST', url: `/api/v1/communities/${slug}/buddy` }),
    ...both({ ...members(201), facilitator: 201, token: 201 }),
  },
];

describe(`onboarding permissions on ${dialectUnderTest}`, () => {
  for (const visibility of ['open', 'private'] as const) {
    for (const route of ROUTES) {
      it.each(ACTORS)(`${visibility} community · ${route.name} · %s`, async (actor) => {
        const community = await f.community(visibility);
        await f.check(actor, route.request(community), route[visibility][actor], community);
      });
    }
  }

  it.each(ACTORS)('org · GET me/home · %s', async (actor) => {
    const community = await f.community('open');
    await f.check(actor, { method: 'GET', url: '/api/v1/me/home' }, actor === 'anonymous' ? 401 : 200, community);
  });
});

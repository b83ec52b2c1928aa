import { afterAll, beforeAll, describe, it } from 'vitest';
import { dialectUnderTest } from '../../../test/harness.ts';
import {
  ACTORS,
  both,
  type Expectation,
  type Fixture,
  facilitators,
  permissionFixture,
  type Request,
  readers,
} from './permission-fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await permissionFixture();
});
afterAll(() => f.t.close());

type Route = { name: string; request: (c: { slug: string }) => Request; open: Expectation; private: Expectation };

const ROUTES: Route[] = [
  { name: 'GET charter', request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/charter` }), ...both(readers) },
  {
    name: 'PUT charter',
    request: ({ slug }) => ({ method: 'PUT', url: `/api/v1/communities/${slug}/charter`, payload: { version: 0, goals: 'Ship it' } }),
    ...both(facilitators(200)),
  },
  {
    name: 'GET charter revisions',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/charter/revisions` }),
    ...both(readers),
  },
  { name: 'GET lifecycle', request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/lifecycle` }), ...both(readers) },
  {
    name: 'POST lifecycle',
    request: ({ slug }) => ({ method: 'POST', url: `/api/v1/communities/${slug}/lifecycle`, payload: { stage: 'maturing' } }),
    ...both(facilitators(200)),
  },
  {
    name: 'GET core health',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/core-health` }),
    ...both(facilitators(200)),
  },
];

describe(`charter, lifecycle and core-health permissions on ${dialectUnderTest}`, () => {
  for (const visibility of ['open', 'private'] as const) {
    for (const route of ROUTES) {
      it.each(ACTORS)(`${visibility} community · ${route.name} · %s`, async (actor) => {
        const community = await f.community(visibility);
        await f.check(actor, route.request(community), route[visibility][actor], community);
      });
    }
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectUnderTest } from '../../../test/harness.ts';
import {
  ACTORS,
  both,
  type Expectation,
  type Fixture,
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

type Route = { name: string; request: (c: { threadId: string }) => Request; open: Expectation; private: Expectation };

const ROUTES: Route[] = [
  {
    name: 'GET suggested helpers',
    request: ({ threadId }) => ({ method: 'GET', url: `/api/v1/threads/${threadId}/suggested-helpers` }),
    ...both(readers),
  },
  {
    name: 'POST invitations',
    request: ({ threadId }) => ({ method: 'POST', url: `/api/v1/threads/${threadId}/invitations`, payload: { personIds: [f.ids.member] } }),
    ...both(members(200)),
  },
];

describe(`expertise permissions on ${dialectUnderTest}`, () => {
  for (const visibility of ['open', 'private'] as const) {
    for (const route of ROUTES) {
      it.each(ACTORS)(`${visibility} community · ${route.name} · %s`, async (actor) => {
        const community = await f.community(visibility);
        await f.check(actor, route.request(community), route[visibility][actor], community, 'thread.not_found');
      });
    }
  }

  const ORG: { name: string; request: () => Request; ok: number }[] = [
    { name: 'GET who can help', request: () => ({ method: 'GET', url: '/api/v1/people/expertise?topic=secret-tag' }), ok: 200 },
    { name: 'GET person expertise', request: () => ({ method: 'GET', url: `/api/v1/people/${f.ids.bystander}/expertise` }), ok: 200 },
    { name: 'GET person profile', request: () => ({ method: 'GET', url: `/api/v1/people/${f.ids.facilitator}` }), ok: 200 },
    {
      name: 'PUT my skills',
      request: () => ({ method: 'PUT', url: '/api/v1/me/skills', payload: { skills: [{ skill: 'Go', level: 2 }] } }),
      ok: 200,
    },
  ];
  for (const route of ORG) {
    it.each(ACTORS)(`org · ${route.name} · %s`, async (actor) => {
      const res = await f.send(actor, route.request());
      expect(res.statusCode, res.body).toBe(actor === 'anonymous' ? 401 : route.ok);
    });
  }

  it.each(ACTORS)('a private community never shows on a profile to those who may not see it · %s', async (actor) => {
    const community = await f.community('private');
    const res = await f.send(actor, { method: 'GET', url: `/api/v1/people/${f.ids.facilitator}` });
    if (actor === 'anonymous') return expect(res.statusCode).toBe(401);
    expect(res.body.includes(community.slug)).toBe(actor !== 'nonMember');
  });
});

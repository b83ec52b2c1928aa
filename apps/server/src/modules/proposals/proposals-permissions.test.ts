import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectUnderTest } from '../../../test/harness.ts';
import { ACTORS, type ActorName, type Fixture, permissionFixture } from '../communities/permission-fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await permissionFixture();
});
afterAll(() => f.t.close());

/** A fresh proposal per cell, by the member (the proposer in these rows). */
async function freshProposal() {
  const res = await f.send('member', {
    method: 'POST',
    url: '/api/v1/proposals',
    payload: {
      topic: 'Rust at work',
      whyNow: 'Two teams started with Rust.',
      problem: 'We each learn the same lessons.',
      category: 'new-technology',
      firstFocus: 'Error handling patterns in services',
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const everyone = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  nonMember: ok,
  member: ok,
  core: ok,
  facilitator: ok,
  admin: ok,
  token: ok,
});

const ROUTES: {
  name: string;
  request: (id: string) => { method: string; url: string; payload?: object };
  expect: Record<ActorName, number>;
}[] = [
  { name: 'GET proposals', request: () => ({ method: 'GET', url: '/api/v1/proposals' }), expect: everyone(200) },
  {
    name: 'POST proposal',
    request: () => ({
      method: 'POST',
      url: '/api/v1/proposals',
      payload: {
        topic: 'Go',
        whyNow: 'Because it is time.',
        problem: 'We need a shared style.',
        category: 'new-technology',
        firstFocus: 'Context cancellation',
      },
    }),
    expect: everyone(201),
  },
  { name: 'GET proposal', request: (id) => ({ method: 'GET', url: `/api/v1/proposals/${id}` }), expect: everyone(200) },
  { name: 'GET similar', request: () => ({ method: 'GET', url: '/api/v1/proposals/similar?topic=rust' }), expect: everyone(200) },
  {
    name: 'PUT interest',
    request: (id) => ({ method: 'PUT', url: `/api/v1/proposals/${id}/interest/join`, payload: {} }),
    expect: everyone(200),
  },
  { name: 'DELETE interest', request: (id) => ({ method: 'DELETE', url: `/api/v1/proposals/${id}/interest/join` }), expect: everyone(200) },
  { name: 'GET comments', request: (id) => ({ method: 'GET', url: `/api/v1/proposals/${id}/comments` }), expect: everyone(200) },
  {
    name: 'POST comment',
    request: (id) => ({ method: 'POST', url: `/api/v1/proposals/${id}/comments`, payload: { body: 'Yes' } }),
    expect: everyone(201),
  },
  // Only the proposer (the member) or an admin; both then hear that it is not ready.
  {
    name: 'POST launch',
    request: (id) => ({ method: 'POST', url: `/api/v1/proposals/${id}/launch`, payload: { slug: `l-${id.slice(-10)}` } }),
    expect: { anonymous: 401, nonMember: 403, member: 409, core: 403, facilitator: 403, admin: 409, token: 403 },
  },
  {
    name: 'POST withdraw',
    request: (id) => ({ method: 'POST', url: `/api/v1/proposals/${id}/withdraw` }),
    expect: { anonymous: 401, nonMember: 403, member: 200, core: 403, facilitator: 403, admin: 200, token: 403 },
  },
  { name: 'GET threshold', request: () => ({ method: 'GET', url: '/api/v1/proposals/threshold' }), expect: everyone(200) },
  {
    name: 'PUT threshold',
    request: () => ({ method: 'PUT', url: '/api/v1/proposals/threshold', payload: { interested: 5, leaders: 2, teams: 2 } }),
    expect: { anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 403, admin: 200, token: 403 },
  },
];

describe(`proposal permissions on ${dialectUnderTest}`, () => {
  for (const route of ROUTES) {
    it.each(ACTORS)(`org · ${route.name} · %s`, async (actor) => {
      const id = await freshProposal();
      const res = await f.send(actor, route.request(id));
      expect(res.statusCode, res.body).toBe(route.expect[actor]);
    });
  }

  it.each(ACTORS)('the proposal of a private community is readable, its link only to those who may see it · %s', async (actor) => {
    const community = await f.community('private');
    const id = await freshProposal();
    await f.t.database.db.updateTable('proposal').set({ status: 'launched', community_id: community.id }).where('id', '=', id).execute();
    const proposal = await f.send(actor, { method: 'GET', url: `/api/v1/proposals/${id}` });
    const fromCommunity = await f.send(actor, { method: 'GET', url: `/api/v1/communities/${community.slug}/proposal` });
    if (actor === 'anonymous') {
      expect([proposal.statusCode, fromCommunity.statusCode]).toEqual([401, 401]);
      return;
    }
    const mayRead = actor !== 'nonMember';
    expect(proposal.statusCode).toBe(200);
    expect(proposal.body.includes(community.slug)).toBe(mayRead);
    expect(fromCommunity.statusCode).toBe(mayRead ? 200 : 404);
    expect(fromCommunity.body.includes(community.name)).toBe(mayRead);
  });
});

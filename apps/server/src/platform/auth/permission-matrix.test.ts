import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { newId, now } from '../ids.ts';

/**
 * Every route × every kind of actor, against an open and a private community. A cell
 * expects a status; "hidden" cells additionally prove the response gives nothing away.
 */
type ActorName = 'anonymous' | 'nonMember' | 'member' | 'core' | 'facilitator' | 'admin' | 'token';
const ACTORS: ActorName[] = ['anonymous', 'nonMember', 'member', 'core', 'facilitator', 'admin', 'token'];
type Visibility = 'open' | 'private';

let t: TestApp;
const credentials = {} as Record<ActorName, Record<string, string>>;
const ids = {} as Record<'nonMember' | 'member' | 'core' | 'facilitator' | 'admin' | 'bystander' | 'outsider', string>;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await signUp(t.app, 'Org Admin'); // the first account is the admin
  const people = {
    facilitator: await signUp(t.app, 'Fran Facilitator'),
    core: await signUp(t.app, 'Cora Core'),
    member: await signUp(t.app, 'Mo Member'),
    nonMember: await signUp(t.app, 'Nico Nonmember'),
  };
  for (const [name, client] of Object.entries({ admin, ...people })) {
    credentials[name as ActorName] = { cookie: client.cookie, 'sec-fetch-site': 'same-origin' };
    ids[name as keyof typeof ids] = client.id;
  }
  credentials.anonymous = {};
  const token = await people.facilitator.request('POST', '/api/v1/me/tokens', { name: 'matrix' });
  credentials.token = { authorization: `Bearer ${token.json().token}` };
  ids.bystander = await insertPerson('Bea Bystander');
  ids.outsider = await insertPerson('Otto Outsider');
});
afterAll(() => t.close());

async function insertPerson(name: string) {
  const id = newId();
  await t.database.db
    .insertInto('person')
    .values({ id, email: `${id}@example.com`, password_hash: 'x', name, org_role: 'member', created_at: now() })
    .execute();
  return id;
}

/** A fresh community per cell, so writes in one cell cannot change another's outcome. */
async function freshCommunity(visibility: Visibility) {
  const id = newId();
  const slug = `m-${id.slice(-12)}`;
  const at = now();
  const { db } = t.database;
  await db
    .insertInto('community')
    .values({
      id,
      slug,
      name: `Secret Guild ${slug}`,
      domain: 'A domain that only members should read about.',
      category: 'new-technology',
      cadence: 'monthly',
      visibility,
      stage: 'coalescing',
      created_by: ids.facilitator,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  const roles = { facilitator: 'facilitator', core: 'core', member: 'member', bystander: 'member' } as const;
  await db
    .insertInto('membership')
    .values(
      Object.entries(roles).map(([who, role]) => ({
        community_id: id,
        person_id: ids[who as keyof typeof roles],
        role,
        status: 'active' as const,
        created_at: at,
      })),
    )
    .execute();
  return { id, slug, name: `Secret Guild ${slug}` };
}

type Cell = number | 'hidden';
type Expectation = Record<ActorName, Cell>;
type Route = {
  name: string;
  request: (c: { slug: string }) => { method: string; url: string; payload?: object };
  open: Expectation;
  private: Expectation;
};

/** Shorthand: the same expectation for both visibilities, except where the override says. */
const both = (e: Expectation, privateOverride: Partial<Expectation> = {}) => ({ open: e, private: { ...e, ...privateOverride } });
const nonMemberHidden = { nonMember: 'hidden' } as const;

const COMMUNITY_ROUTES: Route[] = [
  {
    name: 'GET community',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}` }),
    ...both({ anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'PATCH community',
    request: ({ slug }) => ({ method: 'PATCH', url: `/api/v1/communities/${slug}`, payload: { version: 1, name: 'Renamed' } }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'GET members',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/members` }),
    ...both({ anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'GET join requests',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/members?status=requested` }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'POST join',
    request: ({ slug }) => ({ method: 'POST', url: `/api/v1/communities/${slug}/members`, payload: {} }),
    // Asking to join a private community answers 202 whether or not it exists.
    ...both(
      { anonymous: 401, nonMember: 200, member: 409, core: 409, facilitator: 409, admin: 200, token: 409 },
      { nonMember: 202, admin: 202 },
    ),
  },
  {
    name: 'POST invite',
    request: ({ slug }) => ({ method: 'POST', url: `/api/v1/communities/${slug}/members`, payload: { personId: ids.outsider } }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 201, admin: 201, token: 201 }, nonMemberHidden),
  },
  {
    name: 'PATCH member role',
    request: ({ slug }) => ({ method: 'PATCH', url: `/api/v1/communities/${slug}/members/${ids.bystander}`, payload: { role: 'core' } }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'DELETE member',
    request: ({ slug }) => ({ method: 'DELETE', url: `/api/v1/communities/${slug}/members/${ids.bystander}` }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 204, admin: 204, token: 204 }, nonMemberHidden),
  },
];

const send = (actor: ActorName, r: { method: string; url: string; payload?: object }): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: r.method as 'GET', url: r.url, headers: credentials[actor], ...(r.payload && { payload: r.payload }) });

describe(`permission matrix on ${dialectUnderTest}`, () => {
  for (const visibility of ['open', 'private'] as const) {
    for (const route of COMMUNITY_ROUTES) {
      it.each(ACTORS)(`${visibility} community · ${route.name} · %s`, async (actor) => {
        const community = await freshCommunity(visibility);
        const res = await send(actor, route.request(community));
        const expected = route[visibility][actor];
        if (expected === 'hidden') {
          expect(res.statusCode).toBe(404);
          expect(res.json().code).toBe('community.not_found');
          expect(res.body).not.toContain(community.id);
          expect(res.body).not.toContain(community.name);
        } else {
          expect(res.statusCode, res.body).toBe(expected);
        }
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      });
    }
  }

  it('a failed write leaves the community as it was', async () => {
    const community = await freshCommunity('private');
    await send('member', { method: 'PATCH', url: `/api/v1/communities/${community.slug}`, payload: { version: 1, name: 'Hijacked' } });
    await send('nonMember', { method: 'DELETE', url: `/api/v1/communities/${community.slug}/members/${ids.bystander}` });
    const row = await t.database.db
      .selectFrom('community')
      .select(['name', 'version'])
      .where('id', '=', community.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: community.name, version: 1 });
    const members = await t.database.db.selectFrom('membership').select('person_id').where('community_id', '=', community.id).execute();
    expect(members).toHaveLength(4);
  });

  it.each(ACTORS)('the directory shows a private community only to those who may see it · %s', async (actor) => {
    const community = await freshCommunity('private');
    const res = await send(actor, { method: 'GET', url: `/api/v1/communities?q=${community.slug}` });
    if (actor === 'anonymous') {
      expect(res.statusCode).toBe(401);
      return;
    }
    const mayRead = actor !== 'nonMember';
    expect(res.statusCode).toBe(200);
    expect(res.body.includes(community.id)).toBe(mayRead);
    expect(res.body.includes(community.name)).toBe(mayRead);
  });

  const ORG_ROUTES: { name: string; request: () => { method: string; url: string; payload?: object }; expect: Expectation }[] = [
    {
      name: 'GET communities',
      request: () => ({ method: 'GET', url: '/api/v1/communities' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'POST communities',
      request: () => ({
        method: 'POST',
        url: '/api/v1/communities',
        payload: {
          name: 'New one',
          slug: `n-${newId().slice(-12)}`,
          domain: 'Something worth learning together.',
          category: 'recurring-struggle',
          cadence: 'weekly',
        },
      }),
      expect: { anonymous: 401, nonMember: 201, member: 201, core: 201, facilitator: 201, admin: 201, token: 201 },
    },
    {
      name: 'GET teams',
      request: () => ({ method: 'GET', url: '/api/v1/teams' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'POST teams',
      request: () => ({ method: 'POST', url: '/api/v1/teams', payload: { name: `Team ${newId()}` } }),
      expect: { anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 403, admin: 201, token: 403 },
    },
    {
      name: 'GET me',
      request: () => ({ method: 'GET', url: '/api/v1/me' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'PATCH me',
      request: () => ({ method: 'PATCH', url: '/api/v1/me', payload: { title: 'Engineer' } }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'GET person',
      request: () => ({ method: 'GET', url: `/api/v1/people/${ids.member}` }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'GET tokens',
      request: () => ({ method: 'GET', url: '/api/v1/me/tokens' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 403 },
    },
    {
      name: 'POST tokens',
      request: () => ({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'another' } }),
      expect: { anonymous: 401, nonMember: 201, member: 201, core: 201, facilitator: 201, admin: 201, token: 403 },
    },
    {
      name: 'GET invites',
      request: () => ({ method: 'GET', url: '/api/v1/invites' }),
      expect: { anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 403, admin: 200, token: 403 },
    },
    {
      name: 'POST invites',
      request: () => ({ method: 'POST', url: '/api/v1/invites', payload: {} }),
      expect: { anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 403, admin: 201, token: 403 },
    },
  ];

  for (const route of ORG_ROUTES) {
    it.each(ACTORS)(`org · ${route.name} · %s`, async (actor) => {
      const res = await send(actor, route.request());
      expect(res.statusCode, res.body).toBe(route.expect[actor]);
    });
  }
});

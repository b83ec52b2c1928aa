import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { newId, now } from '../../platform/ids.ts';

/**
 * Test-only: the actors of platform/auth/permission-matrix.test.ts, for the permission rows
 * of the rooms that grow communities (charter, lifecycle, proposals, expertise, onboarding).
 */
export type ActorName = 'anonymous' | 'nonMember' | 'member' | 'core' | 'facilitator' | 'admin' | 'token';
export const ACTORS: ActorName[] = ['anonymous', 'nonMember', 'member', 'core', 'facilitator', 'admin', 'token'];
export type Cell = number | 'hidden';
export type Expectation = Record<ActorName, Cell>;
export type Request = { method: string; url: string; payload?: object };

export type Fixture = Awaited<ReturnType<typeof permissionFixture>>;

export async function permissionFixture() {
  const t: TestApp = await createTestApp();
  const admin = await signUp(t.app, 'Org Admin');
  const people = {
    facilitator: await signUp(t.app, 'Fran Facilitator'),
    core: await signUp(t.app, 'Cora Core'),
    member: await signUp(t.app, 'Mo Member'),
    nonMember: await signUp(t.app, 'Nico Nonmember'),
  };
  const credentials = { anonymous: {} } as Record<ActorName, Record<string, string>>;
  const ids = {} as Record<Exclude<ActorName, 'anonymous' | 'token'> | 'bystander', string>;
  for (const [name, client] of Object.entries({ admin, ...people })) {
    credentials[name as ActorName] = { cookie: client.cookie, 'sec-fetch-site': 'same-origin' };
    ids[name as keyof typeof ids] = client.id;
  }
  const token = await people.facilitator.request('POST', '/api/v1/me/tokens', { name: 'matrix' });
  credentials.token = { authorization: `Bearer ${token.json().token}` };
  const { db } = t.database;
  ids.bystander = newId();
  await db
    .insertInto('person')
    .values({
      id: ids.bystander,
      email: `${ids.bystander}@example.com`,
      password_hash: 'x',
      name: 'Bea Bystander',
      org_role: 'member',
      created_at: now(),
    })
    .execute();

  /** A fresh community per cell (with a question asked by the bystander), so one cell's writes cannot change another's outcome. */
  async function community(visibility: 'open' | 'private') {
    const id = newId();
    const slug = `g-${id.slice(-12)}`;
    const name = `Secret Guild ${slug}`;
    const at = now();
    await db
      .insertInto('community')
      .values({
        id,
        slug,
        name,
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
    const threadId = newId();
    const postId = newId();
    await db
      .insertInto('thread')
      .values({
        id: threadId,
        community_id: id,
        kind: 'question',
        title: `Secret question ${slug}`,
        tags: '["secret-tag"]',
        state: 'unanswered',
        author_id: ids.bystander,
        anonymous: 0,
        pinned: 0,
        locked: 0,
        first_post_id: postId,
        accepted_post_id: null,
        post_count: 1,
        last_activity_at: at,
        first_answer_at: null,
        accepted_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('post')
      .values({
        id: postId,
        thread_id: threadId,
        seq: 1,
        author_id: ids.bystander,
        anonymous: 0,
        body: 'Secret body',
        body_html: '<p>Secret body</p>',
        quoted_post_id: null,
        version: 1,
        created_at: at,
        edited_at: null,
        deleted_at: null,
        hidden_at: null,
      })
      .execute();
    const itemId = newId();
    await db
      .insertInto('newcomer_item')
      .values({
        id: itemId,
        community_id: id,
        kind: 'text',
        title: 'Say hello',
        url: null,
        thread_id: null,
        body: 'Hi',
        body_html: '<p>Hi</p>',
        position: 1,
        created_by: ids.facilitator,
        created_at: at,
      })
      .execute();
    return { id, slug, name, threadId, itemId };
  }

  const send = (actor: ActorName, r: Request): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: r.method as 'GET', url: r.url, headers: credentials[actor], ...(r.payload && { payload: r.payload }) });

  /** Checks one cell: its status, and for hidden cells that nothing of the community leaks. */
  async function check(
    actor: ActorName,
    r: Request,
    expected: Cell,
    secret: { id: string; name: string },
    hiddenCode = 'community.not_found',
  ) {
    const res = await send(actor, r);
    if (expected === 'hidden') {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe(hiddenCode);
      expect(res.body).not.toContain(secret.id);
      expect(res.body).not.toContain(secret.name);
    } else {
      expect(res.statusCode, res.body).toBe(expected);
    }
    if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
    return res;
  }

  return { t, ids, people: { admin, ...people }, community, send, check };
}

/** Shorthand: the same expectation for both visibilities, the non-member hidden in the private one. */
export const both = (e: Expectation) => ({ open: e, private: { ...e, nonMember: 'hidden' as const } });
export const readers: Expectation = { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 };
export const facilitators = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: 403,
  core: 403,
  facilitator: ok,
  admin: ok,
  token: ok,
});
export const members = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: ok,
  core: ok,
  facilitator: ok,
  admin: 403,
  token: ok,
});

import type { LightMyRequestResponse } from 'fastify';
import { newId, now } from '../src/platform/ids.ts';
import { type Client, signUp, type TestApp } from './harness.ts';

/**
 * The cast of every permission matrix: who asks, as which kind of actor. The org admin is the
 * first account; the token is the facilitator's personal API token; the bystander and the
 * outsider are people other cells act on (a plain member, and someone in no community).
 */
export type ActorName = 'anonymous' | 'nonMember' | 'member' | 'core' | 'facilitator' | 'admin' | 'token';
export const ACTORS: ActorName[] = ['anonymous', 'nonMember', 'member', 'core', 'facilitator', 'admin', 'token'];
export type PersonName = Exclude<ActorName, 'anonymous' | 'token'> | 'bystander' | 'outsider';
export type Cell = number | 'hidden';
export type Expectation = Record<ActorName, Cell>;
export type Request = { method: string; url: string; payload?: object };

export type Actors = {
  credentials: Record<ActorName, Record<string, string>>;
  ids: Record<PersonName, string>;
  send: (actor: ActorName, request: Request) => Promise<LightMyRequestResponse>;
  /** The signed-up people, for cells that need to act as one of them through the API first. */
  clients: Record<'admin' | 'facilitator' | 'core' | 'member' | 'nonMember', Client>;
};

export async function setUpActors(t: TestApp): Promise<Actors> {
  const admin = await signUp(t.app, 'Org Admin');
  const people = {
    facilitator: await signUp(t.app, 'Fran Facilitator'),
    core: await signUp(t.app, 'Cora Core'),
    member: await signUp(t.app, 'Mo Member'),
    nonMember: await signUp(t.app, 'Nico Nonmember'),
  };
  const credentials = { anonymous: {} } as Actors['credentials'];
  const ids = {} as Actors['ids'];
  for (const [name, client] of Object.entries({ admin, ...people })) {
    credentials[name as ActorName] = { cookie: client.cookie, 'sec-fetch-site': 'same-origin' };
    ids[name as PersonName] = client.id;
  }
  const token = await people.facilitator.request('POST', '/api/v1/me/tokens', { name: 'matrix' });
  credentials.token = { authorization: `Bearer ${token.json().token}` };
  ids.bystander = await insertPerson(t, 'Bea Bystander');
  ids.outsider = await insertPerson(t, 'Otto Outsider');
  const send = (actor: ActorName, r: Request) =>
    t.app.inject({ method: r.method as 'GET', url: r.url, headers: credentials[actor], ...(r.payload && { payload: r.payload }) });
  return { credentials, ids, send, clients: { admin, ...people } };
}

/** People the matrix acts on need no password: inserting them skips argon2's deliberate cost. */
async function insertPerson(t: TestApp, name: string) {
  const id = newId();
  await t.database.db
    .insertInto('person')
    .values({ id, email: `${id}@example.com`, password_hash: 'x', name, org_role: 'member', created_at: now() })
    .execute();
  return id;
}

/** A community of its own per cell, with the facilitator, core, member and bystander seated. */
export async function insertCommunity(t: TestApp, ids: Actors['ids'], visibility: 'open' | 'private', prefix = 'm') {
  const id = newId();
  const slug = `${prefix}-${id.slice(-12)}`;
  const name = `Secret Guild ${slug}`;
  const at = now();
  const { db } = t.database;
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
  return { id, slug, name, at };
}

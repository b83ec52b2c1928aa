import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { CommunityAccessRepository } from './community-access.repository.ts';

/** The questions every stream asks about each event, answered together (community-access.repository.ts). */
let t: TestApp;
let fran: Client;
let ana: Client;
let bo: Client;
let secret: { id: string; slug: string };
let open: { id: string; slug: string };
let queries = 0;
const counting: KyselyPlugin = {
  transformQuery: (args) => {
    queries += 1;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

beforeAll(async () => {
  t = await createTestApp();
  await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  bo = await signUp(t.app, 'Bo');
  secret = await createCommunity(fran, { visibility: 'private' });
  open = await createCommunity(fran);
  expect((await fran.request('POST', `/api/v1/communities/${secret.slug}/members`, { personId: ana.id })).statusCode).toBe(201);
  expect((await ana.request('POST', `/api/v1/communities/${secret.slug}/members`, {})).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('community access for streams', () => {
  it('answers a turn of questions with one query per community, each answer for its own person', async () => {
    const access = new CommunityAccessRepository(t.database.db.withPlugin(counting));
    queries = 0;
    const people = [fran, ana, bo];
    const asked = Array.from({ length: 1200 }, (_, i) => {
      const person = people[i % 3] as Client;
      return access.facts(i % 2 ? secret.id : open.id, person.id).then((facts) => ({ person: person.id, secret: i % 2 === 1, facts }));
    });
    const answers = await Promise.all(asked);
    // Two communities, 600 questions each: batches of at most 500 people, but three distinct people.
    expect(queries).toBe(2);
    const of = (person: Client, inSecret: boolean) => answers.find((a) => a.person === person.id && a.secret === inSecret)?.facts;
    expect(of(fran, true)).toEqual({ visibility: 'private', membership: { role: 'facilitator', status: 'active' } });
    expect(of(ana, true)).toEqual({ visibility: 'private', membership: { role: 'member', status: 'active' } });
    expect(of(bo, true)).toEqual({ visibility: 'private', membership: null });
    expect(of(bo, false)).toEqual({ visibility: 'open', membership: null });
  });

  it('says null for a community that does not exist, and asks again in the next turn', async () => {
    const access = new CommunityAccessRepository(t.database.db.withPlugin(counting));
    queries = 0;
    expect(await access.facts('0190f0f0-0000-7000-8000-000000000000', ana.id)).toBeNull();
    expect(await access.facts(secret.id, ana.id)).toMatchObject({ membership: { role: 'member' } });
    expect(queries).toBe(2);
  });
});

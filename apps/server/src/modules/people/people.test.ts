import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin: Client;
let ada: Client;

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  ada = await signUp(t.app, 'Ada');
});
afterEach(() => t.close());

describe('profiles and teams', () => {
  it('edits a profile with a team and de-duplicated skills', async () => {
    const team = (await admin.request('POST', '/api/v1/teams', { name: 'Platform' })).json();
    const res = await ada.request('PATCH', '/api/v1/me', {
      teamId: team.id,
      title: 'SRE',
      seniority: 'junior',
      bio: 'Likes graphs.',
      skills: ['Prometheus', 'prometheus', 'Go'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      team: { id: team.id, name: 'Platform' },
      title: 'SRE',
      seniority: 'junior',
      skills: ['Go', 'Prometheus'],
    });
    const publicView = await admin.request('GET', `/api/v1/people/${ada.id}`);
    expect(publicView.json()).toMatchObject({ name: 'Ada', skills: ['Go', 'Prometheus'] });
    expect(publicView.json()).not.toHaveProperty('email');
    const teams = await ada.request('GET', '/api/v1/teams');
    expect(teams.json().items).toEqual([{ id: team.id, name: 'Platform', memberCount: 1 }]);
  });

  it('rejects an unknown team and an unknown seniority, changing nothing', async () => {
    const unknownTeam = await ada.request('PATCH', '/api/v1/me', { teamId: 'nope', title: 'Changed' });
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json().errors).toEqual([{ field: 'teamId', message: 'Unknown team' }]);
    const badSeniority = await ada.request('PATCH', '/api/v1/me', { seniority: 'wizard' });
    expect(badSeniority.json().errors[0].field).toBe('seniority');
    expect((await ada.request('GET', '/api/v1/me')).json().title).toBeNull();
  });

  it('refuses a duplicate team name in any case', async () => {
    await admin.request('POST', '/api/v1/teams', { name: 'Payments' });
    const res = await admin.request('POST', '/api/v1/teams', { name: 'PAYMENTS' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('team.name_taken');
  });

  it('searches the people directory by name and team, a page at a time', async () => {
    const team = (await admin.request('POST', '/api/v1/teams', { name: 'Data' })).json();
    await ada.request('PATCH', '/api/v1/me', { teamId: team.id });
    await signUp(t.app, 'Adam');
    const byName = await ada.request('GET', '/api/v1/people?q=ADA');
    expect(byName.json().items.map((p: { name: string }) => p.name)).toEqual(['Ada', 'Adam']);
    const byTeam = await ada.request('GET', `/api/v1/people?teamId=${team.id}`);
    expect(byTeam.json().items.map((p: { name: string }) => p.name)).toEqual(['Ada']);
    const first = await ada.request('GET', '/api/v1/people?limit=2');
    expect(first.json().items.map((p: { name: string }) => p.name)).toEqual(['Ada', 'Adam']);
    const second = await ada.request('GET', `/api/v1/people?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json()).toMatchObject({ items: [{ name: 'Admin' }], nextCursor: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown person', async () => {
    const res = await ada.request('GET', '/api/v1/people/unknown');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('person.not_found');
  });
});

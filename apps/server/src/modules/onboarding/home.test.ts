import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/** Local wall-clock time `days` from now, as the events API takes it (YYYY-MM-DDTHH:mm). */
const localInDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 11) + '12:00';

describe('home: upcoming sessions', () => {
  it('lists the next sessions of my communities, and none of a private one I am not in', async () => {
    const fran = await signUp(t.app, 'Fran');
    const mo = await signUp(t.app, 'Mo');
    const open = await createCommunity(fran, { name: 'Open Guild' });
    const secret = await createCommunity(fran, { name: 'Secret Guild', visibility: 'private' });
    await mo.request('POST', `/api/v1/communities/${open.slug}/members`, {});
    for (const [community, title] of [
      [open, 'Lunch & learn: tracing'],
      [secret, 'Secret session'],
    ] as const) {
      const res = await fran.request('POST', `/api/v1/communities/${community.slug}/events`, {
        format: 'lunch-and-learn',
        title,
        start: localInDays(3),
        timeZone: 'Europe/Berlin',
        durationMinutes: 60,
      });
      expect(res.statusCode, res.body).toBe(201);
    }

    const home = await mo.request('GET', '/api/v1/me/home');
    expect(home.statusCode).toBe(200);
    expect(home.json().upcomingSessions).toMatchObject([{ title: 'Lunch & learn: tracing', community: { slug: open.slug } }]);
    expect(home.body).not.toContain('Secret');

    const franHome = await fran.request('GET', '/api/v1/me/home');
    expect(
      franHome
        .json()
        .upcomingSessions.map((s: { title: string }) => s.title)
        .sort(),
    ).toEqual(['Lunch & learn: tracing', 'Secret session']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { SseTestClient } from '../../platform/realtime/sse-test-client.ts';
import { join } from '../conversations/test-helpers.ts';
import { createEvent, occurrenceUrl } from './test-helpers.ts';

let t: TestApp;
let fran: Client;
let ana: Client;
let ben: Client;
let cy: Client;
let dee: Client;
let slug: string;
let base: string;

beforeEach(async () => {
  t = await createTestApp();
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  ben = await signUp(t.app, 'Ben');
  cy = await signUp(t.app, 'Cy');
  dee = await signUp(t.app, 'Dee');
  slug = (await createCommunity(fran)).slug;
  for (const c of [ana, ben, cy, dee]) await join(c, slug);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(() => t.close());

const rsvp = async (c: Client, eventId: string, key: string) => {
  const res = await c.request('PUT', occurrenceUrl(eventId, key, '/rsvp'), { status: 'going' });
  return res.json().myRsvp as { status: string; waitlistPosition: number | null };
};
const myStatus = async (c: Client, eventId: string, key: string) => (await c.request('GET', occurrenceUrl(eventId, key))).json().myRsvp;
const listen = async (c: Client) => {
  const stream = new SseTestClient(`${base}/api/v1/stream`, { cookie: c.cookie });
  await stream.ready;
  return stream;
};
const promotedIn = (stream: SseTestClient) =>
  stream.events.filter((m) => m.event === 'rsvp.promoted').map((m) => JSON.parse(m.data) as { eventId: string; key: string });

describe('raising a capacity seats the waitlist in order', () => {
  it('for the whole series: the longest waiting first, each told they are in', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=WEEKLY;INTERVAL=2', capacity: 1 });
    const key = e.start;
    expect(await rsvp(ana, e.id, key)).toMatchObject({ status: 'going' });
    expect(await rsvp(ben, e.id, key)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await rsvp(cy, e.id, key)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await rsvp(dee, e.id, key)).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
    const [benHears, cyHears, deeHears, anaHears] = await Promise.all([listen(ben), listen(cy), listen(dee), listen(ana)]);

    const res = await fran.request('PATCH', `/api/v1/events/${e.id}`, { scope: 'all', version: e.version, capacity: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(await myStatus(ben, e.id, key)).toMatchObject({ status: 'going', waitlistPosition: null });
    expect(await myStatus(cy, e.id, key)).toMatchObject({ status: 'going', waitlistPosition: null });
    expect(await myStatus(dee, e.id, key)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    await benHears.next((m) => m.event === 'rsvp.promoted');
    await cyHears.next((m) => m.event === 'rsvp.promoted');
    const counts = await anaHears.next((m) => m.event === 'rsvp.changed');
    expect(JSON.parse(counts.data)).toMatchObject({ eventId: e.id, key, counts: { going: 3, waitlisted: 1 } });
    // Published together with the counts: by now, those still waiting would have heard too.
    expect(promotedIn(benHears)).toEqual([{ eventId: e.id, key }]);
    expect(promotedIn(deeHears)).toEqual([]);
    expect(promotedIn(anaHears)).toEqual([]);
    for (const s of [benHears, cyHears, deeHears, anaHears]) await s.close();
  });

  it('for one session: only that session’s waitlist moves', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=WEEKLY', capacity: 1 });
    const next = '2030-03-14T12:00';
    await rsvp(ana, e.id, e.start);
    await rsvp(ben, e.id, e.start);
    await rsvp(ana, e.id, next);
    await rsvp(cy, e.id, next);
    const cyHears = await listen(cy);
    const res = await fran.request('PATCH', `/api/v1/events/${e.id}`, {
      scope: 'this',
      occurrenceKey: next,
      version: e.version,
      capacity: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await myStatus(cy, e.id, next)).toMatchObject({ status: 'going' });
    expect(await myStatus(ben, e.id, e.start)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const told = await cyHears.next((m) => m.event === 'rsvp.promoted');
    expect(JSON.parse(told.data)).toEqual({ eventId: e.id, key: next });
    await cyHears.close();
  });

  it('from one session on: the promoted hear of the new series their session now belongs to', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=WEEKLY;COUNT=6', capacity: 1 });
    const third = '2030-03-21T12:00';
    await rsvp(ana, e.id, third);
    await rsvp(ben, e.id, third);
    const benHears = await listen(ben);
    const res = await fran.request('PATCH', `/api/v1/events/${e.id}`, {
      scope: 'following',
      occurrenceKey: third,
      version: e.version,
      capacity: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    const newId = res.json().id as string;
    expect(newId).not.toBe(e.id);
    expect(await myStatus(ben, newId, third)).toMatchObject({ status: 'going' });
    const told = await benHears.next((m) => m.event === 'rsvp.promoted');
    expect(JSON.parse(told.data)).toEqual({ eventId: newId, key: third });
    await benHears.close();
  });
});

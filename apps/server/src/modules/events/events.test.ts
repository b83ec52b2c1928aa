import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { bringIn, join } from '../conversations/test-helpers.ts';
import { createEvent, occurrenceUrl } from './test-helpers.ts';

let t: TestApp;
let fran: Client;
let mo: Client;
let nico: Client;
let slug: string;

beforeEach(async () => {
  t = await createTestApp();
  await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  mo = await signUp(t.app, 'Mo');
  nico = await signUp(t.app, 'Nico');
  slug = (await createCommunity(fran, { cadence: 'bi-weekly' })).slug;
  await join(mo, slug);
});
afterEach(() => t.close());

const window = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
const count = async (table: 'event' | 'occurrence' | 'rsvp') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('scheduling sessions', () => {
  it('creates a bi-weekly lunch & learn that stays at 12:00 Berlin time across DST', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=WEEKLY;INTERVAL=2', description: 'Bring **lunch**' });
    expect(e).toMatchObject({ start: '2030-03-07T12:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;INTERVAL=2', canManage: true });
    expect(e.descriptionHtml).toContain('<strong>lunch</strong>');
    const res = await mo.request('GET', `/api/v1/communities/${slug}/events?${window('2030-03-01T00:00:00Z', '2030-04-30T00:00:00Z')}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; start: string; startsAt: string }[];
    expect(items.map((o) => o.key)).toEqual(['2030-03-07T12:00', '2030-03-21T12:00', '2030-04-04T12:00', '2030-04-18T12:00']);
    expect(items.every((o) => o.start.endsWith('T12:00'))).toBe(true);
    // Berlin is UTC+1 before 31 March 2030 and UTC+2 after it.
    expect(items.map((o) => o.startsAt.slice(11, 16))).toEqual(['11:00', '11:00', '10:00', '10:00']);
  });

  it('expands monthly "first Tuesday" rules and pages with a cursor', async () => {
    const e = await createEvent(fran, slug, {
      start: '2030-01-01T18:00',
      timeZone: 'America/New_York',
      rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=6',
    });
    const first = await mo.request(
      'GET',
      `/api/v1/events/${e.id}/occurrences?${window('2029-12-01T00:00:00Z', '2031-01-01T00:00:00Z')}&limit=4`,
    );
    const page1 = first.json();
    expect(page1.items.map((o: { key: string }) => o.key)).toEqual([
      '2030-01-01T18:00',
      '2030-02-05T18:00',
      '2030-03-05T18:00',
      '2030-04-02T18:00',
    ]);
    const second = await mo.request(
      'GET',
      `/api/v1/events/${e.id}/occurrences?${window('2029-12-01T00:00:00Z', '2031-01-01T00:00:00Z')}&limit=4&cursor=${page1.nextCursor}`,
    );
    expect(second.json().items.map((o: { key: string }) => o.key)).toEqual(['2030-05-07T18:00', '2030-06-04T18:00']);
    expect(second.json().nextCursor).toBeNull();
  });

  it.each([
    [{ end: '2030-03-07T11:00', durationMinutes: undefined }, 'event.ends_before_start'],
    [{ durationMinutes: 0 }, 'validation.failed'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'event.unknown_time_zone'],
    [{ rrule: 'FREQ=HOURLY' }, 'event.rule_too_frequent'],
    [{ rrule: 'FREQ=MINUTELY;INTERVAL=30' }, 'event.rule_too_frequent'],
    [{ rrule: 'FREQ=DAILY;COUNT=100000' }, 'event.rule_unbounded'],
    [{ rrule: 'FREQ=WEEKLY;BYDAY=MO' }, 'event.start_not_in_rule'],
    [{ rrule: 'not a rule' }, 'event.rule_invalid'],
    [{ start: '2030-02-30T12:00' }, 'event.invalid_time'],
  ])('refuses bad timing %o with a stable code and writes nothing', async (input, code) => {
    const res = await fran.request('POST', `/api/v1/communities/${slug}/events`, {
      format: 'lunch-and-learn',
      title: 'Bad',
      start: '2030-03-07T12:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
      ...input,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe(code);
    expect(await count('event')).toBe(0);
  });

  it('allows a daily rule but caps expansions and windows', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=DAILY' });
    const tooWide = await mo.request('GET', `/api/v1/events/${e.id}/occurrences?${window('2030-01-01T00:00:00Z', '2035-01-01T00:00:00Z')}`);
    expect(tooWide.json().code).toBe('event.window_too_large');
    const res = await mo.request(
      'GET',
      `/api/v1/events/${e.id}/occurrences?${window('2030-03-01T00:00:00Z', '2032-02-28T00:00:00Z')}&limit=100`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(100);
  });

  it('only facilitators schedule; members get 403, a private community is a 404 for outsiders', async () => {
    const member = await mo.request('POST', `/api/v1/communities/${slug}/events`, {
      format: 'other',
      title: 'x',
      start: '2030-03-07T12:00',
      timeZone: 'UTC',
      durationMinutes: 30,
    });
    expect(member.statusCode).toBe(403);
    const secret = await createCommunity(fran, { visibility: 'private' });
    const e = await createEvent(fran, secret.slug);
    for (const url of [`/api/v1/events/${e.id}`, `/api/v1/communities/${secret.slug}/events`, occurrenceUrl(e.id, e.start)]) {
      const res = await nico.request('GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(secret.slug);
    }
    const rsvp = await nico.request('PUT', occurrenceUrl(e.id, e.start, '/rsvp'), { status: 'going' });
    expect(rsvp.json().code).toBe('event.not_found');
    const home = await nico.request('GET', `/api/v1/events?${window('2030-01-01T00:00:00Z', '2030-12-31T00:00:00Z')}`);
    expect(home.json().items).toEqual([]);
    await bringIn(fran, nico, secret.slug);
    const after = await nico.request('GET', `/api/v1/events?${window('2030-01-01T00:00:00Z', '2030-12-31T00:00:00Z')}`);
    expect(after.json().items.map((o: { eventId: string }) => o.eventId)).toEqual([e.id]);
  });
});

describe('editing a series', () => {
  it('moves one session (this) and cancels another, keeping the rest', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4' });
    const move = await fran.request('PATCH', `/api/v1/events/${e.id}`, {
      scope: 'this',
      occurrenceKey: '2030-03-21T12:00',
      version: e.version,
      start: '2030-03-22T13:00',
      place: 'Room 4',
    });
    expect(move.statusCode, move.body).toBe(200);
    const cancel = await fran.request('POST', occurrenceUrl(e.id, '2030-04-04T12:00', '/cancel'));
    expect(cancel.json()).toMatchObject({ status: 'cancelled' });
    const list = await mo.request('GET', `/api/v1/events/${e.id}/occurrences?${window('2030-03-01T00:00:00Z', '2030-06-01T00:00:00Z')}`);
    expect(
      list
        .json()
        .items.map((o: { key: string; start: string; status: string; moved: boolean; place: string | null }) => [
          o.key,
          o.start,
          o.status,
          o.moved,
          o.place,
        ]),
    ).toEqual([
      ['2030-03-07T12:00', '2030-03-07T12:00', 'scheduled', false, null],
      ['2030-03-21T12:00', '2030-03-22T13:00', 'scheduled', true, 'Room 4'],
      ['2030-04-04T12:00', '2030-04-04T12:00', 'cancelled', false, null],
      ['2030-04-18T12:00', '2030-04-18T12:00', 'scheduled', false, null],
    ]);
    const rsvp = await mo.request('PUT', occurrenceUrl(e.id, '2030-04-04T12:00', '/rsvp'), { status: 'going' });
    expect(rsvp.statusCode).toBe(409);
    expect(rsvp.json().code).toBe('occurrence.cancelled');
    const unknown = await mo.request('GET', occurrenceUrl(e.id, '2030-03-08T12:00'));
    expect(unknown.json().code).toBe('occurrence.not_found');
    const seriesOnly = await fran.request('PATCH', `/api/v1/events/${e.id}`, {
      scope: 'this',
      occurrenceKey: e.start,
      version: e.version + 1,
      rrule: 'FREQ=DAILY',
    });
    expect(seriesOnly.json().code).toBe('event.not_per_occurrence');
  });

  it('splits "this and following": the old series ends, a new one starts with RSVPs carried over', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=WEEKLY;INTERVAL=2' });
    await mo.request('PUT', occurrenceUrl(e.id, '2030-04-18T12:00', '/rsvp'), { status: 'going' });
    const res = await fran.request('PATCH', `/api/v1/events/${e.id}`, {
      scope: 'following',
      occurrenceKey: '2030-04-04T12:00',
      version: e.version,
      start: '2030-04-04T12:30',
      title: 'Lunch & Learn (new time)',
    });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json();
    expect(next).toMatchObject({
      splitFromId: e.id,
      start: '2030-04-04T12:30',
      title: 'Lunch & Learn (new time)',
      rrule: 'FREQ=WEEKLY;INTERVAL=2',
    });
    const old = (await mo.request('GET', `/api/v1/events/${e.id}`)).json();
    expect(old.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20300404T115900');
    const list = await mo.request('GET', `/api/v1/communities/${slug}/events?${window('2030-03-01T00:00:00Z', '2030-05-10T00:00:00Z')}`);
    expect(
      list
        .json()
        .items.map((o: { eventId: string; start: string; myRsvp: { status: string } | null }) => [
          o.eventId === e.id ? 'old' : 'new',
          o.start,
          o.myRsvp?.status ?? null,
        ]),
    ).toEqual([
      ['old', '2030-03-07T12:00', null],
      ['old', '2030-03-21T12:00', null],
      ['new', '2030-04-04T12:30', null],
      ['new', '2030-04-18T12:30', 'going'],
      ['new', '2030-05-02T12:30', null],
    ]);
  });

  it('edits all, refuses a stale version, and refuses a rule that would orphan RSVPs', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3' });
    await mo.request('PUT', occurrenceUrl(e.id, '2030-03-21T12:00', '/rsvp'), { status: 'going' });
    const shifted = await fran.request('PATCH', `/api/v1/events/${e.id}`, { scope: 'all', version: e.version, start: '2030-03-07T12:30' });
    expect(shifted.statusCode, shifted.body).toBe(200);
    const mine = await mo.request('GET', occurrenceUrl(e.id, '2030-03-21T12:30'));
    expect(mine.json().myRsvp.status).toBe('going');
    const stale = await fran.request('PATCH', `/api/v1/events/${e.id}`, { scope: 'all', version: e.version, title: 'x' });
    expect(stale.json().code).toBe('event.version_conflict');
    const orphan = await fran.request('PATCH', `/api/v1/events/${e.id}`, {
      scope: 'all',
      version: e.version + 1,
      rrule: 'FREQ=WEEKLY;INTERVAL=3;COUNT=3',
    });
    expect(orphan.statusCode).toBe(409);
    expect(orphan.json().code).toBe('event.occurrences_would_orphan');
    expect((await mo.request('GET', `/api/v1/events/${e.id}`)).json()).toMatchObject({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3',
      version: e.version + 1,
    });
  });

  it('cancels a whole one-off event', async () => {
    const e = await createEvent(fran, slug);
    const res = await fran.request('DELETE', `/api/v1/events/${e.id}`);
    expect(res.json().cancelledAt).not.toBeNull();
    const o = await mo.request('GET', occurrenceUrl(e.id, e.start));
    expect(o.json().status).toBe('cancelled');
  });
});

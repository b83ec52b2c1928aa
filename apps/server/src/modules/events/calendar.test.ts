import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { bringIn, join } from '../conversations/test-helpers.ts';
import { createEvent, occurrenceUrl } from './test-helpers.ts';

/**
 * Every feed is parsed by ical.js, a real client's parser, and its occurrences expanded the
 * way a calendar app would: the wall-clock times people see are what is checked.
 */
let t: TestApp;
let fran: Client;
let mo: Client;

beforeEach(async () => {
  t = await createTestApp();
  await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  mo = await signUp(t.app, 'Mo');
});
afterEach(() => t.close());

type Seen = { uid: string; start: string; utc: string; status: string | null; summary: string };

/** Parses a feed and expands each series up to `until`, as a client would. */
function expand(text: string, until = '2030-07-01'): Seen[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevents = root.getAllSubcomponents('vevent');
  const seen: Seen[] = [];
  const end = ICAL.Time.fromDateString(until);
  for (const master of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
    const event = new ICAL.Event(master);
    for (const exception of vevents.filter((v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === event.uid)) {
      event.relateException(exception);
    }
    const status = (master.getFirstPropertyValue('status') as string | null) ?? null;
    if (!event.isRecurring()) {
      seen.push({
        uid: event.uid,
        start: local(event.startDate),
        utc: event.startDate.toJSDate().toISOString(),
        status,
        summary: event.summary,
      });
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(); next && next.compare(end) < 0; next = it.next()) {
      const details = event.getOccurrenceDetails(next);
      seen.push({
        uid: event.uid,
        start: local(details.startDate),
        utc: details.startDate.toJSDate().toISOString(),
        status,
        summary: details.item.summary,
      });
    }
  }
  return seen;
}

const local = (time: ICAL.Time) => `${time.toString().slice(0, 16)} ${time.zone?.tzid ?? ''}`;

async function feedUrl(client: Client, body: object) {
  const res = await client.request('POST', '/api/v1/me/calendar-feeds', body);
  expect(res.statusCode, res.body).toBe(201);
  return new URL(res.json().url).pathname;
}

describe('calendar feeds', () => {
  it('keeps a bi-weekly 12:00 Berlin lunch & learn at 12:00 after the DST change; a cancelled one is absent', async () => {
    const c = await createCommunity(fran, { cadence: 'bi-weekly' });
    const e = await createEvent(fran, c.slug, { rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=20300515' });
    await fran.request('POST', occurrenceUrl(e.id, '2030-04-18T12:00', '/cancel'));
    const path = await feedUrl(fran, { scope: 'community', community: c.slug });
    // The secret is the credential: no cookie.
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VTIMEZONE');
    expect(res.body).toContain('DTSTART;TZID=Europe/Berlin:20300307T120000');
    expect(res.body).toContain('EXDATE;TZID=Europe/Berlin:20300418T120000');
    const seen = expand(res.body);
    expect(seen.map((s) => s.start)).toEqual([
      '2030-03-07T12:00 Europe/Berlin',
      '2030-03-21T12:00 Europe/Berlin',
      '2030-04-04T12:00 Europe/Berlin',
      '2030-05-02T12:00 Europe/Berlin',
    ]);
    // Before the change (31 March 2030) Berlin is UTC+1, after it UTC+2: the instants move, the wall clock does not.
    expect(seen.map((s) => s.utc.slice(11, 16))).toEqual(['11:00', '11:00', '10:00', '10:00']);
    expect(new Set(seen.map((s) => s.uid))).toEqual(new Set([`${e.id}@guildhall`]));
  });

  it('carries a moved session as RECURRENCE-ID, a cancelled one-off as STATUS:CANCELLED, with stable UIDs', async () => {
    const c = await createCommunity(fran);
    const series = await createEvent(fran, c.slug, {
      rrule: 'FREQ=WEEKLY;COUNT=3',
      start: '2030-10-17T09:30',
      timeZone: 'America/New_York',
    });
    await fran.request('PATCH', `/api/v1/events/${series.id}`, {
      scope: 'this',
      occurrenceKey: '2030-10-24T09:30',
      version: series.version,
      start: '2030-10-25T15:00',
      title: 'Moved',
    });
    const oneOff = await createEvent(fran, c.slug, {
      title: 'Demo day',
      format: 'demo-day',
      start: '2030-11-05T16:00',
      timeZone: 'Asia/Kolkata',
    });
    await fran.request('DELETE', `/api/v1/events/${oneOff.id}`);
    const path = await feedUrl(fran, { scope: 'community', community: c.slug });
    const first = (await t.app.inject({ method: 'GET', url: path })).body;
    expect(first).toContain('RECURRENCE-ID;TZID=America/New_York:20301024T093000');
    const seen = expand(first, '2031-01-01');
    expect(seen.filter((s) => s.uid === `${series.id}@guildhall`).map((s) => [s.start, s.summary])).toEqual([
      ['2030-10-17T09:30 America/New_York', 'Lunch & Learn: tracing'],
      ['2030-10-25T15:00 America/New_York', 'Moved'],
      // New York leaves DST on 3 November 2030; the session stays at 09:30.
      ['2030-10-31T09:30 America/New_York', 'Lunch & Learn: tracing'],
    ]);
    expect(seen.find((s) => s.uid === `${oneOff.id}@guildhall`)).toMatchObject({
      status: 'CANCELLED',
      start: '2030-11-05T16:00 Asia/Kolkata',
      utc: '2030-11-05T10:30:00.000Z',
    });
    const again = (await t.app.inject({ method: 'GET', url: path })).body;
    const uids = (text: string) => text.match(/^UID:.*$/gm)?.sort();
    expect(uids(again)).toEqual(uids(first));
  });

  it('serves a per-person feed of my communities and my RSVPs, revocable, and never leaks a private community I left', async () => {
    const open = await createCommunity(fran);
    const secret = await createCommunity(fran, { visibility: 'private' });
    await join(mo, open.slug);
    await bringIn(fran, mo, secret.slug);
    const a = await createEvent(fran, open.slug, { title: 'Open session' });
    const b = await createEvent(fran, secret.slug, { title: 'Secret session' });
    const path = await feedUrl(mo, { scope: 'person' });
    const before = (await t.app.inject({ method: 'GET', url: path })).body;
    expect(
      expand(before)
        .map((s) => s.uid)
        .sort(),
    ).toEqual([`${a.id}@guildhall`, `${b.id}@guildhall`].sort());
    await mo.request('DELETE', `/api/v1/communities/${secret.slug}/members/${mo.id}`);
    const after = (await t.app.inject({ method: 'GET', url: path })).body;
    expect(after).not.toContain('Secret session');
    const list = await mo.request('GET', '/api/v1/me/calendar-feeds');
    expect(list.json()).toHaveLength(1);
    expect(list.body).not.toContain('ghcal_');
    await mo.request('DELETE', `/api/v1/me/calendar-feeds/${list.json()[0].id}`);
    const revoked = await t.app.inject({ method: 'GET', url: path });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().code).toBe('calendar_feed.not_found');
    const guessed = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/ghcal_nope.ics' });
    expect(guessed.statusCode).toBe(404);
  });

  it('downloads one event as .ics and refuses feeds to outsiders of a private community', async () => {
    const secret = await createCommunity(fran, { visibility: 'private' });
    const e = await createEvent(fran, secret.slug, { rrule: 'FREQ=MONTHLY;BYDAY=1TU', start: '2030-01-01T18:00' });
    const ics = await fran.request('GET', `/api/v1/events/${e.id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(expand(ics.body, '2030-04-01').map((s) => s.start)).toEqual([
      '2030-01-01T18:00 Europe/Berlin',
      '2030-02-05T18:00 Europe/Berlin',
      '2030-03-05T18:00 Europe/Berlin',
    ]);
    expect((await mo.request('GET', `/api/v1/events/${e.id}/calendar.ics`)).statusCode).toBe(404);
    const feed = await mo.request('POST', '/api/v1/me/calendar-feeds', { scope: 'community', community: secret.slug });
    expect(feed.json().code).toBe('community.not_found');
  });
});

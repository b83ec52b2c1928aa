import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { SseTestClient } from '../../platform/realtime/sse-test-client.ts';
import { join, startThread } from '../conversations/test-helpers.ts';
import { createEvent, minutesFromNow, occurrenceUrl } from './test-helpers.ts';

let t: TestApp;
let admin: Client;
let fran: Client;
let ana: Client;
let ben: Client;
let cy: Client;
let slug: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  ben = await signUp(t.app, 'Ben');
  cy = await signUp(t.app, 'Cy');
  slug = (await createCommunity(fran, { cadence: 'bi-weekly' })).slug;
  for (const c of [ana, ben, cy]) await join(c, slug);
});
afterEach(() => t.close());

const rsvp = (c: Client, eventId: string, key: string, status: string) =>
  c.request('PUT', occurrenceUrl(eventId, key, '/rsvp'), { status });

describe('RSVPs, waitlist and attendance', () => {
  it('waitlists the third of three for two seats and promotes them when someone declines', async () => {
    const e = await createEvent(fran, slug, { rrule: 'FREQ=WEEKLY;INTERVAL=2', capacity: 2 });
    const key = e.start;
    expect((await rsvp(ana, e.id, key, 'going')).json().myRsvp).toMatchObject({ status: 'going' });
    expect((await rsvp(ben, e.id, key, 'going')).json().myRsvp).toMatchObject({ status: 'going' });
    const third = await rsvp(cy, e.id, key, 'going');
    expect(third.json()).toMatchObject({ myRsvp: { status: 'waitlisted', waitlistPosition: 1 }, counts: { going: 2, waitlisted: 1 } });
    const capacity = await fran.request('PATCH', `/api/v1/events/${e.id}`, { scope: 'all', version: e.version, capacity: 1 });
    expect(capacity.statusCode).toBe(409);
    expect(capacity.json().code).toBe('event.capacity_below_going');
    const decline = await rsvp(ben, e.id, key, 'not_going');
    expect(decline.json().counts).toMatchObject({ going: 2, waitlisted: 0, notGoing: 1 });
    const promoted = await cy.request('GET', occurrenceUrl(e.id, key));
    expect(promoted.json().myRsvp).toMatchObject({ status: 'going', waitlistPosition: null });
    const attendees = await ana.request('GET', occurrenceUrl(e.id, key, '/attendees'));
    expect(attendees.json().map((a: { person: { name: string }; status: string }) => [a.person.name, a.status])).toEqual([
      ['Ana', 'going'],
      ['Cy', 'going'],
      ['Ben', 'not_going'],
    ]);
  });

  it('lets only members RSVP, and not to a session that is over', async () => {
    const e = await createEvent(fran, slug);
    const outsider = await signUp(t.app, 'Otto');
    const res = await rsvp(outsider, e.id, e.start, 'going');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('community.members_only');
    const past = await createEvent(fran, slug, { start: '2020-01-01T12:00', timeZone: 'UTC' });
    expect((await rsvp(ana, past.id, past.start, 'going')).json().code).toBe('occurrence.ended');
  });

  it('checks people in during the session; the facilitator marks attendance', async () => {
    const now = await createEvent(fran, slug, { start: minutesFromNow(-10), timeZone: 'UTC', durationMinutes: 120 });
    const later = await createEvent(fran, slug, { start: minutesFromNow(24 * 60), timeZone: 'UTC' });
    expect((await ana.request('POST', occurrenceUrl(later.id, later.start, '/check-in'))).json().code).toBe('occurrence.check_in_closed');
    const checkIn = await ana.request('POST', occurrenceUrl(now.id, now.start, '/check-in'));
    expect(checkIn.json().myRsvp).toMatchObject({ attended: true, status: 'going' });
    expect(checkIn.json().myRsvp.checkedInAt).not.toBeNull();
    const denied = await ana.request('PUT', occurrenceUrl(now.id, now.start, '/attendance'), {
      attendees: [{ personId: ben.id, attended: true }],
    });
    expect(denied.statusCode).toBe(403);
    const marked = await fran.request('PUT', occurrenceUrl(now.id, now.start, '/attendance'), {
      attendees: [{ personId: ben.id, attended: true }],
    });
    expect(marked.json().filter((a: { attended: boolean }) => a.attended)).toHaveLength(2);
  });
});

describe('reflections', () => {
  it('keeps individual reflections to their author and facilitators, and aggregates per session and format', async () => {
    const e = await createEvent(fran, slug, { start: minutesFromNow(-30), timeZone: 'UTC', durationMinutes: 60, capacity: 2 });
    const key = e.start;
    await rsvp(ana, e.id, key, 'going');
    await rsvp(ben, e.id, key, 'going');
    await rsvp(cy, e.id, key, 'going'); // waitlisted: did not take part
    const reflect = (c: Client, rating: number) =>
      c.request('PUT', occurrenceUrl(e.id, key, '/reflection'), {
        learned: `${c.email} learned tracing`,
        willTry: 'Add spans',
        unclear: 'Sampling',
        rating,
      });
    expect((await reflect(ana, 5)).statusCode).toBe(200);
    expect((await reflect(ben, 3)).statusCode).toBe(200);
    const waitlisted = await reflect(cy, 1);
    expect(waitlisted.json().code).toBe('reflection.attendees_only');
    expect((await ana.request('GET', occurrenceUrl(e.id, key, '/reflection'))).json()).toMatchObject({ rating: 5, willTry: 'Add spans' });
    for (const c of [ana, cy, admin]) {
      const res = await c.request('GET', occurrenceUrl(e.id, key, '/reflections'));
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(ben.email);
    }
    const all = await fran.request('GET', occurrenceUrl(e.id, key, '/reflections'));
    expect(all.json().summary).toEqual({ count: 2, averageRating: 4, distribution: [0, 0, 1, 0, 1] });
    expect(all.json().reflections).toHaveLength(2);
    const formats = await fran.request('GET', `/api/v1/communities/${slug}/reflections`);
    expect(formats.json().formats).toEqual([
      { format: 'lunch-and-learn', sessions: 1, count: 2, averageRating: 4, distribution: [0, 0, 1, 0, 1] },
    ]);
    expect((await admin.request('GET', `/api/v1/communities/${slug}/reflections`)).statusCode).toBe(403);
  });
});

describe('cadence kept', () => {
  it('counts the periods with a session held against the promised rhythm', async () => {
    const day = 24 * 60;
    // Bi-weekly promised; sessions 1, 3, 5 and 9 weeks ago, one of them cancelled.
    for (const weeksAgo of [1, 3, 5, 9]) await createEvent(fran, slug, { start: minutesFromNow(-weeksAgo * 7 * day), timeZone: 'UTC' });
    const cancelled = await createEvent(fran, slug, { start: minutesFromNow(-7 * 7 * day), timeZone: 'UTC' });
    await fran.request('DELETE', `/api/v1/events/${cancelled.id}`);
    const res = await ana.request('GET', `/api/v1/communities/${slug}/cadence`);
    expect(res.json()).toMatchObject({ cadence: 'bi-weekly', held: 4, expected: 6, label: 'Every two weeks — 4 of the last 6 held' });
  });
});

describe('agenda, talk backlog and reading list', () => {
  it('volunteers, votes and schedules a talk idea into a slot, telling the presenter', async () => {
    const e = await createEvent(fran, slug, { format: 'demo-day' });
    const idea = (
      await ana.request('POST', `/api/v1/communities/${slug}/talk-ideas`, { kind: 'demo', title: 'Tracing in 5 minutes' })
    ).json();
    await ben.request('PUT', `/api/v1/talk-ideas/${idea.id}/vote`);
    await cy.request('PUT', `/api/v1/talk-ideas/${idea.id}/vote`);
    await cy.request('PUT', `/api/v1/talk-ideas/${idea.id}/vote`);
    const other = (await ben.request('POST', `/api/v1/communities/${slug}/talk-ideas`, { title: 'Less popular' })).json();
    const list = await ana.request('GET', `/api/v1/communities/${slug}/talk-ideas`);
    expect(list.json().items.map((i: { id: string; votes: number }) => [i.id, i.votes])).toEqual([
      [idea.id, 2],
      [other.id, 0],
    ]);
    expect(
      (await ana.request('POST', `/api/v1/talk-ideas/${idea.id}/schedule`, { eventId: e.id, occurrenceKey: e.start })).statusCode,
    ).toBe(403);
    const stream = new SseTestClient(`${await t.app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/stream`, { cookie: ana.cookie });
    await stream.ready;
    const scheduled = await fran.request('POST', `/api/v1/talk-ideas/${idea.id}/schedule`, {
      eventId: e.id,
      occurrenceKey: e.start,
      durationMinutes: 5,
    });
    expect(scheduled.json().scheduled).toMatchObject({ eventId: e.id, key: e.start });
    const told = await stream.next((m) => m.event === 'talk_idea.scheduled');
    expect(JSON.parse(told.data)).toMatchObject({ talkIdeaId: idea.id, eventId: e.id });
    await stream.close();
    const again = await fran.request('POST', `/api/v1/talk-ideas/${idea.id}/schedule`, { eventId: e.id, occurrenceKey: e.start });
    expect(again.json().code).toBe('talk_idea.already_scheduled');
    await fran.request('POST', occurrenceUrl(e.id, e.start, '/agenda'), {
      title: 'Lightning demo',
      presenterId: ben.id,
      durationMinutes: 5,
    });
    const page = await cy.request('GET', occurrenceUrl(e.id, e.start));
    expect(
      page
        .json()
        .agenda.map((s: { title: string; presenter: { name: string } | null; position: number }) => [
          s.position,
          s.title,
          s.presenter?.name,
        ]),
    ).toEqual([
      [1, 'Tracing in 5 minutes', 'Ana'],
      [2, 'Lightning demo', 'Ben'],
    ]);
  });

  it('pulls open challenges into a problem-solving agenda and links a journal club reading and thread', async () => {
    const challenge = await startThread(ana, slug, { kind: 'challenge', title: 'Our p99 doubled after the upgrade' });
    const e = await createEvent(fran, slug, { format: 'problem-solving' });
    const open = await ben.request('GET', occurrenceUrl(e.id, e.start, '/challenges'));
    expect(open.json().map((th: { id: string }) => th.id)).toEqual([challenge.id]);
    const slot = await fran.request('POST', occurrenceUrl(e.id, e.start, '/agenda'), { title: 'p99', threadId: challenge.id });
    expect(slot.json()[0].thread).toEqual({ id: challenge.id, title: 'Our p99 doubled after the upgrade' });

    const reading = (
      await ben.request('POST', `/api/v1/communities/${slug}/readings`, {
        kind: 'paper',
        url: 'https://research.google/pubs/dapper/',
        title: 'Dapper',
        why: 'Where tracing began',
      })
    ).json();
    expect((await cy.request('PUT', `/api/v1/readings/${reading.id}/vote`)).json()).toMatchObject({ votes: 1, myVote: true });
    const club = await createEvent(fran, slug, { format: 'journal-club', start: '2030-03-14T12:00' });
    const discussion = await startThread(fran, slug, { title: 'Dapper discussion' });
    const record = await fran.request('PUT', occurrenceUrl(club.id, club.start, '/record'), {
      readingId: reading.id,
      discussionThreadId: discussion.id,
      notes: '# Notes\n<script>x</script>',
    });
    expect(record.json()).toMatchObject({ reading: { id: reading.id, title: 'Dapper', votes: 1 }, discussionThreadId: discussion.id });
    expect(record.json().notesHtml).not.toContain('<script>');
  });
});

describe('live session Q&A', () => {
  it('ranks questions by votes live, and never reveals an anonymous asker', async () => {
    const e = await createEvent(fran, slug, { start: minutesFromNow(-5), timeZone: 'UTC' });
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const presenter = new SseTestClient(`${base}/api/v1/stream`, { cookie: fran.cookie });
    await presenter.ready;
    const asked = await ana.request('POST', occurrenceUrl(e.id, e.start, '/questions'), { body: 'Is sampling worth it?', anonymous: true });
    expect(asked.json()).toMatchObject({ author: { anonymous: true }, isMine: true });
    const signed = (await ben.request('POST', occurrenceUrl(e.id, e.start, '/questions'), { body: 'Which backend?' })).json();
    await cy.request('PUT', `/api/v1/session-questions/${asked.json().id}/vote`);
    await ben.request('PUT', `/api/v1/session-questions/${asked.json().id}/vote`);
    const created = await presenter.next((m) => m.event === 'session_question.created');
    const voted = await presenter.next((m) => m.event === 'session_question.voted' && JSON.parse(m.data).votes === 2);
    expect(JSON.parse(voted.data)).toMatchObject({ questionId: asked.json().id });
    await presenter.close();
    const ranked = await fran.request('GET', occurrenceUrl(e.id, e.start, '/questions'));
    expect(ranked.json().map((q: { id: string; votes: number }) => [q.id, q.votes])).toEqual([
      [asked.json().id, 2],
      [signed.id, 0],
    ]);
    for (const body of [created.data, ranked.body, (await admin.request('GET', occurrenceUrl(e.id, e.start, '/questions'))).body]) {
      expect(body).not.toContain(ana.id);
      expect(body).not.toContain('"Ana"');
    }
    expect(ranked.body).toContain('"Ben"');
    const answered = await fran.request('PUT', `/api/v1/session-questions/${signed.id}/answered`);
    expect(answered.json().answeredAt).not.toBeNull();
    expect((await ana.request('PUT', `/api/v1/session-questions/${signed.id}/answered`)).statusCode).toBe(403);
  });

  it('takes questions from shortly before the session until it ends, and none outside that', async () => {
    const ask = (eventId: string, key: string) => ana.request('POST', occurrenceUrl(eventId, key, '/questions'), { body: 'Is it on?' });
    const later = await createEvent(fran, slug, { start: minutesFromNow(120), timeZone: 'UTC' });
    const soon = await createEvent(fran, slug, { start: minutesFromNow(20), timeZone: 'UTC' });
    const over = await createEvent(fran, slug, { start: minutesFromNow(-70), timeZone: 'UTC', durationMinutes: 60 });
    for (const e of [later, over]) {
      const refused = await ask(e.id, e.start);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'occurrence.questions_closed' });
      expect((await fran.request('GET', occurrenceUrl(e.id, e.start, '/questions'))).json()).toEqual([]);
    }
    expect((await ask(soon.id, soon.start)).statusCode).toBe(201);
  });
});

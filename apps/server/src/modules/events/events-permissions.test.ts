import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectUnderTest, type TestApp } from '../../../test/harness.ts';
import { ACTORS, type Actors, type Expectation, insertCommunity, setUpActors } from '../../../test/permission-actors.ts';
import { newId } from '../../platform/ids.ts';
import { minutesFromNow } from './test-helpers.ts';

/**
 * The events room's rows of the permission matrix (platform/auth/permission-matrix.test.ts):
 * every route × every kind of actor, against an open and a private community. A "hidden" cell
 * answers 404 with the code of what was addressed and gives nothing of the community away.
 */
type Visibility = 'open' | 'private';

let t: TestApp;
let ids: Actors['ids'];
let send: Actors['send'];

beforeAll(async () => {
  t = await createTestApp();
  ({ ids, send } = await setUpActors(t));
});
afterAll(() => t.close());

/**
 * A fresh community per cell with a session in progress (so check-in is open), its record,
 * RSVPs of the member, core and facilitator, and one of everything that hangs off it.
 */
async function freshSession(visibility: Visibility) {
  const { db } = t.database;
  const { id, slug, name, at } = await insertCommunity(t, ids, visibility, 'e');
  const eventId = newId();
  const key = minutesFromNow(-10);
  await db
    .insertInto('event')
    .values({
      id: eventId,
      community_id: id,
      format: 'lunch-and-learn',
      title: `Secret session ${slug}`,
      description_source: '',
      description_html: '',
      start_local: key,
      tz: 'UTC',
      duration_minutes: 120,
      rrule: null,
      place: null,
      video_url: null,
      capacity: null,
      split_from_id: null,
      version: 1,
      created_by: ids.facilitator,
      created_at: at,
      updated_at: at,
      cancelled_at: null,
    })
    .execute();
  const occurrenceId = newId();
  await db
    .insertInto('occurrence')
    .values({
      id: occurrenceId,
      event_id: eventId,
      occurrence_key: key,
      start_local: null,
      duration_minutes: null,
      title: null,
      place: null,
      video_url: null,
      capacity: null,
      cancelled_at: null,
      notes_source: null,
      notes_html: null,
      slides_url: null,
      recording_url: null,
      reading_id: null,
      discussion_thread_id: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('rsvp')
    .values(
      (['member', 'core', 'facilitator'] as const).map((who) => ({
        occurrence_id: occurrenceId,
        person_id: ids[who],
        status: 'going' as const,
        queued_at: at,
        attended: 0,
        checked_in_at: null,
        updated_at: at,
      })),
    )
    .execute();
  const questionId = newId();
  await db
    .insertInto('session_question')
    .values({
      id: questionId,
      occurrence_id: occurrenceId,
      author_id: ids.bystander,
      anonymous: 0,
      body: 'Why?',
      vote_count: 0,
      answered_at: null,
      thread_id: null,
      created_at: at,
    })
    .execute();
  const ideaId = newId();
  await db
    .insertInto('talk_idea')
    .values({
      id: ideaId,
      community_id: id,
      kind: 'talk',
      title: 'An idea',
      abstract_source: '',
      abstract_html: '',
      presenter_id: ids.bystander,
      vote_count: 0,
      scheduled_slot_id: null,
      created_at: at,
    })
    .execute();
  const readingId = newId();
  await db
    .insertInto('reading')
    .values({
      id: readingId,
      community_id: id,
      kind: 'paper',
      url: 'https://example.com/p',
      title: 'A paper',
      why: '',
      suggested_by: ids.bystander,
      vote_count: 0,
      created_at: at,
    })
    .execute();
  const slotId = newId();
  await db
    .insertInto('agenda_slot')
    .values({
      id: slotId,
      occurrence_id: occurrenceId,
      position: 1,
      title: 'Intro',
      presenter_id: null,
      duration_minutes: null,
      talk_idea_id: null,
      thread_id: null,
      created_at: at,
    })
    .execute();
  return { id, slug, name, eventId, key, questionId, ideaId, readingId, slotId, occ: `/api/v1/events/${eventId}/occurrences/${key}` };
}

type Fixture = Awaited<ReturnType<typeof freshSession>>;
type HiddenCode =
  | 'community.not_found'
  | 'event.not_found'
  | 'session_question.not_found'
  | 'talk_idea.not_found'
  | 'reading.not_found'
  | 'agenda_slot.not_found';
type Route = {
  name: string;
  request: (f: Fixture) => { method: string; url: string; payload?: object };
  expect: Expectation;
  hiddenCode?: HiddenCode;
};

const readers = (ok = 200): Expectation => ({ anonymous: 401, nonMember: ok, member: ok, core: ok, facilitator: ok, admin: ok, token: ok });
// Taking part needs membership: admins see every community but join it to take part.
const participants = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: ok,
  core: ok,
  facilitator: ok,
  admin: 403,
  token: ok,
});
const moderators = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: 403,
  core: 403,
  facilitator: ok,
  admin: ok,
  token: ok,
});
// Reflections are for their authors and the facilitators, not for org admins.
const facilitatorsOnly = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: 403,
  core: 403,
  facilitator: ok,
  admin: 403,
  token: ok,
});

const route = (name: string, request: Route['request'], e: Expectation, hiddenCode: HiddenCode = 'event.not_found'): Route => ({
  name,
  request,
  expect: e,
  hiddenCode,
});
const community = (name: string, request: Route['request'], e: Expectation): Route => ({
  name,
  request,
  expect: e,
  hiddenCode: 'community.not_found',
});

const ROUTES: Route[] = [
  community('GET community events', (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/events` }), readers()),
  community(
    'POST community event',
    (f) => ({
      method: 'POST',
      url: `/api/v1/communities/${f.slug}/events`,
      payload: { format: 'other', title: 'New', start: '2030-01-01T10:00', timeZone: 'UTC', durationMinutes: 30 },
    }),
    moderators(201),
  ),
  community('GET cadence', (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/cadence` }), readers()),
  community('GET talk ideas', (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/talk-ideas` }), readers()),
  community(
    'POST talk idea',
    (f) => ({ method: 'POST', url: `/api/v1/communities/${f.slug}/talk-ideas`, payload: { title: 'Mine' } }),
    participants(201),
  ),
  community('GET readings', (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/readings` }), readers()),
  community(
    'POST reading',
    (f) => ({
      method: 'POST',
      url: `/api/v1/communities/${f.slug}/readings`,
      payload: { kind: 'article', url: 'https://example.com/a', title: 'A' },
    }),
    participants(201),
  ),
  community('GET format reflections', (f) => ({ method: 'GET', url: `/api/v1/communities/${f.slug}/reflections` }), facilitatorsOnly(200)),
  route('GET event', (f) => ({ method: 'GET', url: `/api/v1/events/${f.eventId}` }), readers()),
  route(
    'PATCH event',
    (f) => ({ method: 'PATCH', url: `/api/v1/events/${f.eventId}`, payload: { scope: 'all', version: 1, title: 'Renamed' } }),
    moderators(200),
  ),
  route('DELETE event', (f) => ({ method: 'DELETE', url: `/api/v1/events/${f.eventId}` }), moderators(200)),
  route('GET event .ics', (f) => ({ method: 'GET', url: `/api/v1/events/${f.eventId}/calendar.ics` }), readers()),
  route('GET occurrences', (f) => ({ method: 'GET', url: `/api/v1/events/${f.eventId}/occurrences` }), readers()),
  route('GET occurrence', (f) => ({ method: 'GET', url: f.occ }), readers()),
  route('PUT record', (f) => ({ method: 'PUT', url: `${f.occ}/record`, payload: { notes: 'We learned things' } }), moderators(200)),
  route('POST cancel occurrence', (f) => ({ method: 'POST', url: `${f.occ}/cancel` }), moderators(200)),
  route('PUT rsvp', (f) => ({ method: 'PUT', url: `${f.occ}/rsvp`, payload: { status: 'maybe' } }), participants(200)),
  route('GET attendees', (f) => ({ method: 'GET', url: `${f.occ}/attendees` }), readers()),
  route(
    'PUT attendance',
    (f) => ({ method: 'PUT', url: `${f.occ}/attendance`, payload: { attendees: [{ personId: ids.bystander, attended: true }] } }),
    moderators(200),
  ),
  route('POST check-in', (f) => ({ method: 'POST', url: `${f.occ}/check-in` }), participants(200)),
  route('POST agenda slot', (f) => ({ method: 'POST', url: `${f.occ}/agenda`, payload: { title: 'Demo' } }), moderators(201)),
  route('GET challenges', (f) => ({ method: 'GET', url: `${f.occ}/challenges` }), readers()),
  route('GET questions', (f) => ({ method: 'GET', url: `${f.occ}/questions` }), readers()),
  route(
    'POST question',
    (f) => ({ method: 'POST', url: `${f.occ}/questions`, payload: { body: 'How?', anonymous: true } }),
    participants(201),
  ),
  // The fixture's session is under way; its one question (the bystander's) is unanswered.
  route('POST questions to threads', (f) => ({ method: 'POST', url: `${f.occ}/questions/to-threads` }), moderators(200)),
  route('PUT reflection', (f) => ({ method: 'PUT', url: `${f.occ}/reflection`, payload: { rating: 4 } }), participants(200)),
  route('GET reflections', (f) => ({ method: 'GET', url: `${f.occ}/reflections` }), facilitatorsOnly(200)),
  route(
    'PATCH agenda slot',
    (f) => ({ method: 'PATCH', url: `/api/v1/agenda-slots/${f.slotId}`, payload: { title: 'Welcome' } }),
    moderators(200),
    'agenda_slot.not_found',
  ),
  route(
    'DELETE agenda slot',
    (f) => ({ method: 'DELETE', url: `/api/v1/agenda-slots/${f.slotId}` }),
    moderators(204),
    'agenda_slot.not_found',
  ),
  route(
    'PUT question vote',
    (f) => ({ method: 'PUT', url: `/api/v1/session-questions/${f.questionId}/vote` }),
    participants(200),
    'session_question.not_found',
  ),
  route(
    'PUT question answered',
    (f) => ({ method: 'PUT', url: `/api/v1/session-questions/${f.questionId}/answered` }),
    moderators(200),
    'session_question.not_found',
  ),
  route(
    'PUT talk idea vote',
    (f) => ({ method: 'PUT', url: `/api/v1/talk-ideas/${f.ideaId}/vote` }),
    participants(200),
    'talk_idea.not_found',
  ),
  route(
    'POST schedule talk idea',
    (f) => ({ method: 'POST', url: `/api/v1/talk-ideas/${f.ideaId}/schedule`, payload: { eventId: f.eventId, occurrenceKey: f.key } }),
    moderators(200),
    'talk_idea.not_found',
  ),
  route(
    'PUT reading vote',
    (f) => ({ method: 'PUT', url: `/api/v1/readings/${f.readingId}/vote` }),
    participants(200),
    'reading.not_found',
  ),
  community(
    'POST community calendar feed',
    (f) => ({ method: 'POST', url: '/api/v1/me/calendar-feeds', payload: { scope: 'community', community: f.slug } }),
    // Feed URLs are credentials: minted from a session only, like API tokens.
    { anonymous: 401, nonMember: 201, member: 201, core: 201, facilitator: 201, admin: 201, token: 403 },
  ),
];

describe(`events permission matrix on ${dialectUnderTest}`, () => {
  for (const visibility of ['open', 'private'] as const) {
    for (const r of ROUTES) {
      it.each(ACTORS)(`${visibility} community · ${r.name} · %s`, async (actor) => {
        const fixture = await freshSession(visibility);
        const res = await send(actor, r.request(fixture));
        const hidden = visibility === 'private' && actor === 'nonMember';
        if (hidden) {
          expect(res.statusCode, res.body).toBe(404);
          expect(res.json().code).toBe(r.hiddenCode);
          expect(res.body).not.toContain(fixture.id);
          expect(res.body).not.toContain(fixture.name);
          expect(res.body).not.toContain(fixture.slug);
        } else {
          expect(res.statusCode, res.body).toBe(r.expect[actor]);
        }
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      });
    }
  }

  it.each(ACTORS)('calendars across communities show a private community only to those who may see it · %s', async (actor) => {
    const fixture = await freshSession('private');
    const from = encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString());
    let home = await send(actor, { method: 'GET', url: `/api/v1/events?from=${from}&limit=100` });
    if (actor === 'anonymous') {
      expect(home.statusCode).toBe(401);
      return;
    }
    expect(home.statusCode).toBe(200);
    // Every cell above left a session behind: read every page.
    let body = home.body;
    while (home.json().nextCursor) {
      home = await send(actor, { method: 'GET', url: `/api/v1/events?from=${from}&limit=100&cursor=${home.json().nextCursor}` });
      body += home.body;
    }
    // Home lists my communities' sessions: members see it; admins see it only once they join.
    const listed = actor === 'member' || actor === 'core' || actor === 'facilitator' || actor === 'token';
    expect(body.includes(fixture.eventId)).toBe(listed);
    expect(body.includes(fixture.slug)).toBe(listed);
  });

  it.each([
    [
      'GET my calendar feeds',
      { method: 'GET', url: '/api/v1/me/calendar-feeds' },
      { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 403 },
    ],
    [
      'POST person calendar feed',
      { method: 'POST', url: '/api/v1/me/calendar-feeds', payload: { scope: 'person' } },
      { anonymous: 401, nonMember: 201, member: 201, core: 201, facilitator: 201, admin: 201, token: 403 },
    ],
    ['GET my upcoming sessions', { method: 'GET', url: '/api/v1/events' }, readers()],
  ] as const)('org · %s', async (_name, request, expected) => {
    for (const actor of ACTORS) {
      const res = await send(actor, request);
      expect(res.statusCode, `${actor}: ${res.body}`).toBe(expected[actor]);
    }
  });

  it('a refused write leaves the session as it was', async () => {
    const f = await freshSession('private');
    await send('member', { method: 'PATCH', url: `/api/v1/events/${f.eventId}`, payload: { scope: 'all', version: 1, title: 'Hijacked' } });
    await send('nonMember', { method: 'POST', url: `${f.occ}/cancel` });
    await send('admin', { method: 'PUT', url: `${f.occ}/rsvp`, payload: { status: 'going' } });
    const event = await t.database.db
      .selectFrom('event')
      .select(['title', 'version'])
      .where('id', '=', f.eventId)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ title: `Secret session ${f.slug}`, version: 1 });
    const occurrence = await t.database.db
      .selectFrom('occurrence')
      .select('cancelled_at')
      .where('event_id', '=', f.eventId)
      .executeTakeFirstOrThrow();
    expect(occurrence.cancelled_at).toBeNull();
    const rsvps = await t.database.db
      .selectFrom('rsvp')
      .select('person_id')
      .innerJoin('occurrence', 'occurrence.id', 'rsvp.occurrence_id')
      .where('occurrence.event_id', '=', f.eventId)
      .execute();
    expect(rsvps).toHaveLength(3);
  });
});

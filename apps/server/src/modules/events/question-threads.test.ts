import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { SseTestClient } from '../../platform/realtime/sse-test-client.ts';
import { join } from '../conversations/test-helpers.ts';
import { threadTitleOf } from './question-threads.service.ts';
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
  slug = (await createCommunity(fran)).slug;
  for (const c of [ana, ben, cy]) await join(c, slug);
});
afterEach(() => t.close());

type Question = { id: string; body: string; threadId: string | null; answeredAt: string | null };

const ask = async (c: Client, eventId: string, key: string, body: string, anonymous = false): Promise<Question> => {
  const res = await c.request('POST', occurrenceUrl(eventId, key, '/questions'), { body, anonymous });
  if (res.statusCode !== 201) throw new Error(`ask failed: ${res.statusCode} ${res.body}`);
  return res.json();
};
const toThreads = (c: Client, eventId: string, key: string) => c.request('POST', occurrenceUrl(eventId, key, '/questions/to-threads'));
const questionThreads = async (c: Client) => {
  const res = await c.request('GET', `/api/v1/threads?community=${slug}&kind=question&limit=100`);
  return res.json().items as { id: string; title: string }[];
};

/** A session under way (started 60 minutes ago, 70 long), with three questions: anonymous, named, and one answered. */
async function sessionWithQuestions() {
  const e = await createEvent(fran, slug, { title: 'Tracing deep dive', start: minutesFromNow(-60), timeZone: 'UTC', durationMinutes: 70 });
  const key = e.start;
  const secret = await ask(ana, e.id, key, 'Is tail sampling worth its memory cost?\nWe run 40 services.', true);
  const named = await ask(ben, e.id, key, 'Which backend do you use?');
  const answered = await ask(cy, e.id, key, 'Will the slides be shared?');
  await fran.request('PUT', `/api/v1/session-questions/${answered.id}/answered`);
  return { e, key, secret, named, answered };
}

/** The same, cut short so that it ended ten minutes ago (questions are taken only while it is on). */
async function pastSessionWithQuestions() {
  const session = await sessionWithQuestions();
  const { e, key } = session;
  const cut = await fran.request('PATCH', `/api/v1/events/${e.id}`, {
    scope: 'this',
    occurrenceKey: key,
    version: e.version,
    durationMinutes: 50,
  });
  if (cut.statusCode !== 200) throw new Error(`ending the session failed: ${cut.statusCode} ${cut.body}`);
  return session;
}

describe('unanswered live questions become threads after the session', () => {
  it('starts one question thread per unanswered question, in its asker’s name, anonymous staying anonymous', async () => {
    const { e, key, secret, named, answered } = await pastSessionWithQuestions();
    const stream = new SseTestClient(`${await t.app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/stream`, { cookie: cy.cookie });
    await stream.ready;

    const res = await toThreads(fran, e.id, key);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, skipped: 0 });
    const byId = new Map((res.json().questions as Question[]).map((q) => [q.id, q]));
    expect(byId.get(answered.id)?.threadId).toBeNull();
    const secretThreadId = byId.get(secret.id)?.threadId as string;
    const namedThreadId = byId.get(named.id)?.threadId as string;
    expect(secretThreadId).toBeTruthy();
    expect(namedThreadId).toBeTruthy();

    // The anonymous one: a question thread nobody but its asker knows is theirs.
    for (const viewer of [fran, admin, ben]) {
      const thread = await viewer.request('GET', `/api/v1/threads/${secretThreadId}`);
      expect(thread.statusCode).toBe(200);
      expect(thread.json()).toMatchObject({
        kind: 'question',
        title: 'Is tail sampling worth its memory cost?',
        firstPost: { author: { anonymous: true }, isMine: false },
      });
      expect(thread.body).not.toContain(ana.id);
      expect(thread.body).not.toContain('"Ana"');
    }
    const own = (await ana.request('GET', `/api/v1/threads/${secretThreadId}`)).json();
    expect(own.firstPost).toMatchObject({ author: { anonymous: true }, isMine: true, canEdit: true });
    // …linking back to the session it was asked in.
    expect(own.firstPost.body).toContain('We run 40 services.');
    expect(own.firstPost.bodyHtml).toContain(`href="/events/${e.id}/occurrences/${key}"`);
    expect(own.firstPost.bodyHtml).toContain('Tracing deep dive');

    const namedThread = (await cy.request('GET', `/api/v1/threads/${namedThreadId}`)).json();
    expect(namedThread).toMatchObject({
      kind: 'question',
      state: 'unanswered',
      firstPost: { author: { anonymous: false, person: { name: 'Ben' } } },
    });

    // Everyone watching learns which question became which thread, and nothing of who asked.
    const told = await stream.next((m) => m.event === 'session_question.threaded' && JSON.parse(m.data).questionId === secret.id);
    expect(JSON.parse(told.data)).toEqual({ eventId: e.id, key, questionId: secret.id, threadId: secretThreadId });
    await stream.close();
    for (const m of stream.events) expect(m.data).not.toContain(ana.id);

    // The live list keeps the link for everyone.
    const listed = (await ben.request('GET', occurrenceUrl(e.id, key, '/questions'))).json() as Question[];
    expect(listed.find((q) => q.id === secret.id)?.threadId).toBe(secretThreadId);
  });

  it('is idempotent: asking again threads only questions that have none yet', async () => {
    // While the session is still on, so that one more question can come in after the first round.
    const { e, key } = await sessionWithQuestions();
    const [first, second] = await Promise.all([toThreads(fran, e.id, key), toThreads(fran, e.id, key)]);
    expect(first.json().created + second.json().created).toBe(2);
    expect(await questionThreads(fran)).toHaveLength(2);
    const again = await toThreads(fran, e.id, key);
    expect(again.json()).toMatchObject({ created: 0, skipped: 0 });
    expect(await questionThreads(fran)).toHaveLength(2);
    // A question that stayed open in the room after the first round becomes a thread on the next.
    const late = await ask(cy, e.id, key, 'One more: what about logs?');
    const next = await toThreads(fran, e.id, key);
    expect(next.json().created).toBe(1);
    expect((next.json().questions as Question[]).find((q) => q.id === late.id)?.threadId).toBeTruthy();
    expect(await questionThreads(fran)).toHaveLength(3);
  });

  it('is for facilitators and the session’s presenters, once the session has started', async () => {
    const { e, key } = await pastSessionWithQuestions();
    const member = await toThreads(ana, e.id, key);
    expect(member.statusCode).toBe(403);
    expect(await questionThreads(fran)).toHaveLength(0);

    await fran.request('POST', occurrenceUrl(e.id, key, '/agenda'), { title: 'Tracing deep dive', presenterId: cy.id });
    expect((await cy.request('GET', occurrenceUrl(e.id, key))).json().canPresent).toBe(true);
    expect((await ana.request('GET', occurrenceUrl(e.id, key))).json().canPresent).toBe(false);
    const presenter = await toThreads(cy, e.id, key);
    expect(presenter.statusCode, presenter.body).toBe(200);
    expect(presenter.json().created).toBe(2);

    const upcoming = await createEvent(fran, slug, { start: minutesFromNow(20), timeZone: 'UTC' });
    await ask(ana, upcoming.id, upcoming.start, 'Early bird question');
    const early = await toThreads(fran, upcoming.id, upcoming.start);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('occurrence.not_started');
    expect(await questionThreads(fran)).toHaveLength(2);
  });

  it('lets the presenter mark questions answered, and nobody else who does not facilitate', async () => {
    const { e, key, named } = await pastSessionWithQuestions();
    expect((await cy.request('PUT', `/api/v1/session-questions/${named.id}/answered`)).statusCode).toBe(403);
    await fran.request('POST', occurrenceUrl(e.id, key, '/agenda'), { title: 'Talk', presenterId: cy.id });
    const marked = await cy.request('PUT', `/api/v1/session-questions/${named.id}/answered`);
    expect(marked.statusCode).toBe(200);
    expect(marked.json().answeredAt).not.toBeNull();
  });

  it('does not speak for an asker who left the community: their question is skipped', async () => {
    const { e, key, named } = await pastSessionWithQuestions();
    const left = await ben.request('DELETE', `/api/v1/communities/${slug}/members/${ben.id}`);
    expect(left.statusCode).toBe(204);
    const res = await toThreads(fran, e.id, key);
    expect(res.json()).toMatchObject({ created: 1, skipped: 1 });
    expect((res.json().questions as Question[]).find((q) => q.id === named.id)?.threadId).toBeNull();
    expect((await questionThreads(fran)).map((th) => th.title)).toEqual(['Is tail sampling worth its memory cost?']);
  });
});

describe('thread titles from questions', () => {
  it('takes the first line, and cuts a long one at a word', () => {
    expect(threadTitleOf('\n  Why   so slow?\nDetails')).toBe('Why so slow?');
    const long = `${'word '.repeat(40)}end`;
    const title = threadTitleOf(long);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('word…')).toBe(true);
  });
});

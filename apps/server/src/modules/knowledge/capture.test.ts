import type { KnowledgePage } from '@guildhall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { join, reply, startThread } from '../conversations/test-helpers.ts';
import { createEvent, minutesFromNow, occurrenceUrl } from '../events/test-helpers.ts';
import { getPage, savePage } from './test-helpers.ts';

let t: TestApp;
let fran: Client;
let asker: Client;
let ana: Client;
let ben: Client;

beforeAll(async () => {
  t = await createTestApp();
  fran = await signUp(t.app, 'Fran Facilitator');
  asker = await signUp(t.app, 'Quentin Quietasker');
  ana = await signUp(t.app, 'Ana Answerer');
  ben = await signUp(t.app, 'Ben Bystander');
});
afterAll(() => t.close());

async function community() {
  const { slug } = await createCommunity(fran);
  for (const c of [asker, ana, ben]) await join(c, slug);
  return slug;
}

const capture = (who: Client, threadId: string, body: object = {}) => who.request('POST', `/api/v1/threads/${threadId}/capture`, body);
const captures = (who: Client, sourceType: string, sourceId: string) =>
  who.request('GET', `/api/v1/knowledge/captures?sourceType=${sourceType}&sourceId=${encodeURIComponent(sourceId)}`);

/** An anonymous question with Ana's answer, accepted by the asker. */
async function answeredQuestion(slug: string) {
  const question = await startThread(asker, slug, {
    kind: 'question',
    title: 'How do we [safely] rotate secrets?',
    body: 'Our rotation breaks prod every time.',
    anonymous: true,
    tags: ['security'],
  });
  const answer = await reply(ana, question.id, { body: 'Dual-write both keys, then **retire** the old one.' });
  const accepted = await asker.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: answer.id });
  expect(accepted.statusCode).toBe(200);
  return { question, answer };
}

describe(`capture from conversations on ${dialectUnderTest}`, () => {
  it('turns a question and its accepted answer into a draft, never naming an anonymous asker', async () => {
    const slug = await community();
    const { question } = await answeredQuestion(slug);
    const res = await capture(ben, question.id, {});
    expect(res.statusCode).toBe(201);
    const page: KnowledgePage = res.json();
    expect(page).toMatchObject({
      kind: 'best-practice',
      status: 'draft',
      title: 'How do we (safely) rotate secrets?',
      tags: ['security'],
      // The web app's addresses (router.tsx): a thread lives at /threads/:id, a session under its event.
      origin: { type: 'thread', id: question.id, title: question.title, link: `/threads/${question.id}` },
    });
    expect(page.owner?.name).toBe('Ben Bystander');
    expect(page.bodySource).toContain('## Context\n\nOur rotation breaks prod every time.');
    expect(page.bodySource).toContain('## The practice\n\nDual-write both keys, then **retire** the old one.');
    expect(page.bodySource).toContain(`_Answer by @[Ana Answerer](person:${ana.id})_`);
    expect(page.bodyHtml).toContain('<strong>retire</strong>');

    // The asker's name is nowhere: not in the page, its history, its export, its captures lookup.
    const seen = [
      JSON.stringify(page),
      (await ben.request('GET', `/api/v1/pages/${page.id}/revisions`)).body,
      (await ben.request('GET', `/api/v1/pages/${page.id}/revisions/1`)).body,
      (await ben.request('GET', `/api/v1/pages/${page.id}/export`)).body,
      (await captures(ben, 'thread', question.id)).body,
      (await fran.request('GET', `/api/v1/pages/${page.id}`)).body,
    ];
    for (const body of seen) {
      expect(body).not.toContain('Quentin');
      expect(body).not.toContain(asker.id);
    }

    // "Captured in": the draft shows to its owner and the facilitators, to everyone once published.
    expect((await captures(ben, 'thread', question.id)).json().items).toEqual([
      { id: page.id, title: page.title, kind: 'best-practice', status: 'draft', community: expect.objectContaining({ slug }) },
    ]);
    expect((await captures(fran, 'thread', question.id)).json().items).toHaveLength(1);
    expect((await captures(ana, 'thread', question.id)).json().items).toEqual([]);
    await savePage(ben, page, { status: 'published' });
    expect((await captures(ana, 'thread', question.id)).json().items).toHaveLength(1);

    // Captured again, as a how-to: the title is numbered, the answer goes under Steps.
    const howTo: KnowledgePage = (await capture(ana, question.id, { kind: 'how-to' })).json();
    expect(howTo).toMatchObject({ kind: 'how-to', title: 'How do we (safely) rotate secrets? (2)' });
    expect(howTo.bodySource).toContain('## Steps\n\nDual-write');
    const named = await capture(ana, question.id, { title: 'Secret rotation', kind: 'decision' });
    expect(named.json()).toMatchObject({ title: 'Secret rotation', kind: 'decision' });
    expect(named.json().bodySource).toContain('## Decision\n\nDual-write');
    expect((await capture(ana, question.id, { title: 'Secret rotation' })).json().code).toBe('page.title_taken');
  });

  it('refuses what has nothing settled to capture, and what would unmask its capturer', async () => {
    const slug = await community();
    const open = await startThread(ana, slug, { kind: 'question', title: 'Anyone?', body: 'Hello?' });
    expect((await capture(ben, open.id)).json()).toMatchObject({ status: 409, code: 'capture.no_accepted_answer' });
    const talk = await startThread(ana, slug, { kind: 'discussion', title: 'Chat', body: 'Hi' });
    expect((await capture(ben, talk.id)).json().code).toBe('capture.unsupported_thread');
    const { question } = await answeredQuestion(slug);
    expect((await capture(asker, question.id)).json().code).toBe('capture.would_reveal_author');
    const outsider = await signUp(t.app, 'Otto Outsider');
    const refused = await capture(outsider, question.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('community.members_only');
  });

  it('turns a solved challenge into a lesson learned', async () => {
    const slug = await community();
    const challenge = await startThread(ana, slug, {
      kind: 'challenge',
      title: 'Flaky integration tests',
      body: 'CI fails one run in five.',
    });
    const fix = await reply(ben, challenge.id, { body: 'Tests shared a database; each now gets its own.' });
    expect((await capture(fran, challenge.id)).json().code).toBe('capture.not_solved');
    await ana.request('POST', `/api/v1/threads/${challenge.id}/state`, { state: 'solved', postId: fix.id });
    const res = await capture(fran, challenge.id);
    expect(res.statusCode).toBe(201);
    const page: KnowledgePage = res.json();
    expect(page).toMatchObject({ kind: 'lesson-learned', status: 'draft', origin: { type: 'challenge', id: challenge.id } });
    expect(page.bodySource).toContain('## What happened\n\nCI fails one run in five.');
    expect(page.bodySource).toContain('## What we learned\n\nTests shared a database');
    expect(page.bodySource).toContain('_Brought by @[Ana Answerer]');
    expect(page.bodySource).toContain('_Solved by @[Ben Bystander]');
    expect((await captures(fran, 'challenge', challenge.id)).json().items.map((p: { id: string }) => p.id)).toEqual([page.id]);
  });
});

describe(`capture from sessions on ${dialectUnderTest}`, () => {
  it('gathers notes and, for facilitators, reflections without names', async () => {
    const slug = await community();
    const e = await createEvent(fran, slug, {
      title: 'Tracing deep dive',
      start: minutesFromNow(-30),
      timeZone: 'UTC',
      durationMinutes: 60,
    });
    const key = e.start;
    const record = await fran.request('PUT', occurrenceUrl(e.id, key, '/record'), { notes: 'We traced a request end to end.' });
    expect(record.statusCode, record.body).toBe(200);
    for (const [who, learned, rating] of [
      [ana, 'Spans need names', 5],
      [ben, 'Sampling matters', 3],
    ] as const) {
      await who.request('PUT', occurrenceUrl(e.id, key, '/rsvp'), { status: 'going' });
      const reflected = await who.request('PUT', occurrenceUrl(e.id, key, '/reflection'), {
        learned,
        willTry: 'Add spans to checkout',
        unclear: who === ana ? 'Baggage' : '',
        rating,
      });
      expect(reflected.statusCode, reflected.body).toBe(200);
    }
    const sourceId = `${e.id}/${key}`;
    const byFran = await fran.request('POST', occurrenceUrl(e.id, key, '/capture'), {});
    expect(byFran.statusCode, byFran.body).toBe(201);
    const page: KnowledgePage = byFran.json();
    expect(page).toMatchObject({
      kind: 'lesson-learned',
      status: 'draft',
      title: `Tracing deep dive — ${key.slice(0, 10)}`,
      origin: {
        type: 'occurrence',
        id: sourceId,
        title: 'Tracing deep dive',
        link: `/events/${e.id}/occurrences/${encodeURIComponent(key)}`,
      },
    });
    expect(page.bodySource).toContain(`(/events/${e.id}/occurrences/${encodeURIComponent(key)})`);
    expect(page.bodySource).toContain('## What happened\n\nWe traced a request end to end.');
    expect(page.bodySource).toContain(
      '## What we learned\n\n- Sampling matters\n- Spans need names\n\n_Rated 4 out of 5 in 2 reflections._',
    );
    expect(page.bodySource).toContain('## What we changed\n\n- Add spans to checkout\n');
    expect(page.bodySource).toContain('## Open questions\n\n- Baggage');
    expect(page.bodySource).not.toMatch(/Ana|Ben/);

    // A member captures the notes; reflections are the facilitators' to read.
    const byAna: KnowledgePage = (await ana.request('POST', occurrenceUrl(e.id, key, '/capture'), { kind: 'reading-notes' })).json();
    expect(byAna).toMatchObject({ kind: 'reading-notes', title: `Tracing deep dive — ${key.slice(0, 10)} (2)` });
    expect(byAna.bodySource).toContain('We traced a request end to end.');
    expect(byAna.bodySource).not.toContain('Sampling matters');
    expect((await captures(fran, 'occurrence', sourceId)).json().items).toHaveLength(2);
    expect((await captures(ben, 'occurrence', sourceId)).json().items).toEqual([]);
    expect((await getPage(fran, byAna.id)).status).toBe('draft');
  });

  it('takes notes on a journal club reading as reading notes', async () => {
    const slug = await community();
    const club = await createEvent(fran, slug, {
      format: 'journal-club',
      title: 'Paper club',
      start: minutesFromNow(-30),
      timeZone: 'UTC',
    });
    const res = await ben.request('POST', occurrenceUrl(club.id, club.start, '/capture'), {});
    expect(res.json()).toMatchObject({ kind: 'reading-notes', status: 'draft' });
    expect(res.json().bodySource).toContain('## What we read');
    const hidden = await ben.request('POST', occurrenceUrl('0190f000-0000-7000-8000-000000000000', club.start, '/capture'), {});
    expect(hidden.json().code).toBe('event.not_found');
  });
});

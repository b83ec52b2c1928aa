import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { bringIn, join, startThread } from '../conversations/test-helpers.ts';
import { createEvent, minutesFromNow, occurrenceUrl } from '../events/test-helpers.ts';
import { createPage } from '../knowledge/test-helpers.ts';

let t: TestApp;
let fran: Client;
let ana: Client;
let ben: Client;
let outsider: Client;
let open: string;
let secret: string;

const day = 24 * 60;

async function slot(facilitator: Client, eventId: string, key: string, input: Record<string, unknown>) {
  const res = await facilitator.request('POST', occurrenceUrl(eventId, key, '/agenda'), input);
  if (res.statusCode !== 201) throw new Error(`add slot failed: ${res.statusCode} ${res.body}`);
}

/**
 * Ana's work: in Observability (open) two talks given (one on a #tracing challenge), one talk
 * still to come, one in a cancelled series, a published #tracing page and a draft; in Secret
 * storage (private) a talk and a page. Ben wrote a page that Ana now owns.
 */
beforeEach(async () => {
  t = await createTestApp();
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  ben = await signUp(t.app, 'Ben');
  outsider = await signUp(t.app, 'Outsider');
  open = (await createCommunity(fran, { name: 'Observability' })).slug;
  for (const c of [ana, ben]) await join(c, open);

  const challenge = await startThread(ben, open, { kind: 'challenge', title: 'Traces stop at the queue', tags: ['tracing'] });
  const past = await createEvent(fran, open, { format: 'problem-solving', start: minutesFromNow(-2 * day), timeZone: 'UTC' });
  await slot(fran, past.id, past.start, { title: 'Context through the queue', presenterId: ana.id, threadId: challenge.id });
  const earlier = await createEvent(fran, open, { title: 'Demo day', start: minutesFromNow(-9 * day), timeZone: 'Pacific/Kiritimati' });
  await slot(fran, earlier.id, earlier.start, { title: 'Exemplars in Grafana', presenterId: ana.id });
  const upcoming = await createEvent(fran, open, { start: minutesFromNow(3 * day), timeZone: 'UTC' });
  await slot(fran, upcoming.id, upcoming.start, { title: 'Not given yet', presenterId: ana.id });
  const cancelled = await createEvent(fran, open, { start: minutesFromNow(-5 * day), timeZone: 'UTC' });
  await slot(fran, cancelled.id, cancelled.start, { title: 'Never happened', presenterId: ana.id });
  expect((await fran.request('DELETE', `/api/v1/events/${cancelled.id}`)).statusCode).toBeLessThan(300);

  await createPage(ana, open, { title: 'Tracing through queues', kind: 'how-to', tags: ['tracing'] });
  await createPage(ana, open, { title: 'Half-written draft', status: 'draft', tags: ['tracing'] });
  const bens = await createPage(ben, open, { title: 'Sampling strategies', kind: 'guide' });
  const handover = await ben.request('PUT', `/api/v1/pages/${bens.id}/owner`, { ownerId: ana.id });
  expect(handover.statusCode, handover.body).toBe(200);

  secret = (await createCommunity(fran, { name: 'Secret storage', visibility: 'private' })).slug;
  await bringIn(fran, ana, secret);
  const hidden = await createEvent(fran, secret, { title: 'Secret session', start: minutesFromNow(-day), timeZone: 'UTC' });
  await slot(fran, hidden.id, hidden.start, { title: 'Secret retention talk', presenterId: ana.id });
  await createPage(ana, secret, { title: 'Secret retention page', tags: ['tracing'] });
});
afterEach(() => t.close());

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe('talks given and pages written', () => {
  it('show on a profile: sessions that took place and published pages, only in communities the viewer may read', async () => {
    const forOutsider = await outsider.request('GET', `/api/v1/people/${ana.id}`);
    expect(forOutsider.statusCode, forOutsider.body).toBe(200);
    const profile = forOutsider.json();
    expect(profile).toMatchObject({ talksGiven: 2, pagesWritten: 2 });
    expect(titles(profile.talks)).toEqual(['Context through the queue', 'Exemplars in Grafana']);
    expect(profile.talks[0]).toMatchObject({
      kind: 'talk',
      community: { slug: open, name: 'Observability' },
      tags: ['tracing'],
      source: { type: 'talk' },
    });
    expect(titles(profile.pages).sort()).toEqual(['Sampling strategies', 'Tracing through queues']);
    expect(profile.pages.find((p: { title: string }) => p.title === 'Tracing through queues')).toMatchObject({
      kind: 'page',
      tags: ['tracing'],
      source: { type: 'page' },
    });
    expect(forOutsider.body).not.toContain('Secret');
    expect(forOutsider.body).not.toContain('Half-written');

    const forMember = (await fran.request('GET', `/api/v1/people/${ana.id}`)).json();
    expect(forMember).toMatchObject({ talksGiven: 3, pagesWritten: 3 });
    expect(titles(forMember.talks)).toContain('Secret retention talk');

    // Ben created the page he handed over: it still counts as written by him.
    expect((await outsider.request('GET', `/api/v1/people/${ben.id}`)).json()).toMatchObject({ talksGiven: 0, pagesWritten: 1 });
  });

  it('count toward derived skills per tag and community, with the evidence listed', async () => {
    const res = await outsider.request('GET', `/api/v1/people/${ana.id}/expertise`);
    expect(res.statusCode, res.body).toBe(200);
    const derived = res.json().derived as { topic: string; kind: string; score: number; counts: object; evidence: { kind: string }[] }[];
    expect(derived.map((d) => [d.kind, d.topic, d.score])).toEqual([
      ['community', 'Observability', 4 + 4 + 3 + 3],
      ['tag', 'tracing', 4 + 3],
    ]);
    expect(derived[0]?.counts).toEqual({ acceptedAnswers: 0, answers: 0, reactions: 0, talks: 2, pages: 2 });
    expect(derived[1]?.evidence.map((e) => e.kind)).toEqual(['talk', 'page']);
    expect(res.body).not.toContain('Secret');

    const forMember = (await fran.request('GET', `/api/v1/people/${ana.id}/expertise`)).json();
    expect(forMember.derived.find((d: { topic: string }) => d.topic === 'tracing').counts).toMatchObject({ talks: 1, pages: 2 });
    expect(forMember.derived.map((d: { topic: string }) => d.topic)).toContain('Secret storage');
  });

  it('rank people in "who can help", never from a private community for those outside it', async () => {
    const res = await outsider.request('GET', '/api/v1/people/expertise?topic=tracing');
    expect(res.json().items.map((h: { person: { name: string }; score: number }) => [h.person.name, h.score])).toEqual([['Ana', 7]]);
    expect(res.json().items[0].counts).toMatchObject({ talks: 1, pages: 1 });
    expect(res.body).not.toContain('Secret');
    const forMember = await fran.request('GET', '/api/v1/people/expertise?topic=tracing');
    expect(forMember.json().items[0]).toMatchObject({ person: { name: 'Ana' }, score: 10 });
  });
});

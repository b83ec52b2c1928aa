import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import type { PublishedEvent } from '../../platform/realtime/bus.ts';
import { join, startThread } from '../conversations/test-helpers.ts';
import { propose } from '../proposals/test-helpers.ts';

let t: TestApp;
let admin: Client;
let fran: Client;
let cora: Client;
let newbie: Client;
let slug: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  cora = await signUp(t.app, 'Cora');
  newbie = await signUp(t.app, 'Newbie');
  slug = (await createCommunity(fran)).slug;
  await join(cora, slug);
  await fran.request('PATCH', `/api/v1/communities/${slug}/members/${cora.id}`, { role: 'core' });
});
afterEach(() => t.close());

const path = (client: Client) => client.request('GET', `/api/v1/communities/${slug}/start-here`);

describe('newcomer path', () => {
  it('is curated by facilitators and followed by members, with progress and a buddy', async () => {
    const easy = await startThread(cora, slug, { kind: 'question', title: 'What does p99 mean?', tags: ['latency'] });
    const add = (body: object) => fran.request('POST', `/api/v1/communities/${slug}/start-here`, body);
    expect((await add({ kind: 'page', title: 'Read our guide', url: '/communities/x/pages/guide' })).statusCode).toBe(201);
    await add({ kind: 'session', title: 'Watch the intro session', url: 'https://video.example.com/intro' });
    await add({ kind: 'thread', title: 'Answer a first easy question', threadId: easy.id });
    const last = (await add({ kind: 'text', title: 'Say hello', body: 'Introduce yourself **briefly**.' })).json();
    expect(last.items.map((i: { kind: string; position: number }) => `${i.position}:${i.kind}`)).toEqual([
      '1:page',
      '2:session',
      '3:thread',
      '4:text',
    ]);
    expect(last.items[3].bodyHtml).toContain('<strong>briefly</strong>');

    expect((await add({ kind: 'page', title: 'Bad', url: 'javascript:alert(1)' })).statusCode).toBe(400);
    const other = (await createCommunity(admin)).slug;
    await join(fran, other);
    const elsewhere = await startThread(fran, other, { kind: 'question', title: 'Elsewhere' });
    expect((await add({ kind: 'thread', title: 'Wrong place', threadId: elsewhere.id })).json().code).toBe(
      'newcomer.thread_not_in_community',
    );
    expect(
      (await cora.request('POST', `/api/v1/communities/${slug}/start-here`, { kind: 'text', title: 'Hi', body: 'x' })).statusCode,
    ).toBe(403);

    // A non-member reads the path but cannot follow it.
    const preview = (await path(newbie)).json();
    expect(preview).toMatchObject({ canFollow: false, canManage: false, progress: { done: 0, total: 4 } });
    const [first, second] = preview.items;
    expect((await newbie.request('PUT', `/api/v1/communities/${slug}/start-here/${first.id}/done`)).statusCode).toBe(403);

    await join(newbie, slug);
    const done = await newbie.request('PUT', `/api/v1/communities/${slug}/start-here/${first.id}/done`);
    expect(done.json().progress).toEqual({ done: 1, total: 4 });
    const home = (await newbie.request('GET', '/api/v1/me/home')).json();
    expect(home.newcomerPaths).toMatchObject([{ community: { slug }, progress: { done: 1, total: 4 }, next: { id: second.id } }]);
    expect(home.upcomingSessions).toEqual([]);
    const undone = await newbie.request('DELETE', `/api/v1/communities/${slug}/start-here/${first.id}/done`);
    expect(undone.json().progress.done).toBe(0);

    const events: PublishedEvent[] = [];
    const stop = t.app.bus.subscribe((e) => events.push(e));
    const buddy = await newbie.request('POST', `/api/v1/communities/${slug}/buddy`);
    expect(buddy.statusCode).toBe(201);
    // The core member is asked before the facilitator, who carries the community already.
    expect(buddy.json().buddy).toMatchObject({ id: cora.id });
    const again = await newbie.request('POST', `/api/v1/communities/${slug}/buddy`);
    expect(again.statusCode).toBe(200);
    expect(again.json().buddy.id).toBe(cora.id);
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(events.filter((e) => e.type === 'newcomer.buddy_assigned').map((e) => e.audience)).toEqual([[cora.id, newbie.id]]);
    expect((await path(newbie)).json().buddy).toMatchObject({ id: cora.id });

    // Reordering names every step once; removing one drops it.
    const ids = preview.items.map((i: { id: string }) => i.id);
    const reordered = await fran.request('PUT', `/api/v1/communities/${slug}/start-here/order`, { itemIds: [...ids].reverse() });
    expect(reordered.json().items.map((i: { id: string }) => i.id)).toEqual([...ids].reverse());
    expect((await fran.request('PUT', `/api/v1/communities/${slug}/start-here/order`, { itemIds: [ids[0]] })).json().code).toBe(
      'newcomer.order_mismatch',
    );
    expect((await fran.request('DELETE', `/api/v1/communities/${slug}/start-here/${ids[0]}`)).statusCode).toBe(204);
    expect((await path(newbie)).json().progress.total).toBe(3);
  });

  it('answers 409 when no core member can be a buddy', async () => {
    const lonely = (await createCommunity(fran)).slug;
    const res = await fran.request('POST', `/api/v1/communities/${lonely}/buddy`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('newcomer.no_buddy_available');
  });
});

describe('home', () => {
  it('offers proposals seeking interest and questions matching my skills, in communities I can read', async () => {
    await newbie.request('PUT', '/api/v1/me/skills', { skills: [{ skill: 'Latency', level: 2 }] });
    const match = await startThread(cora, slug, { kind: 'question', title: 'Why is p99 high?', tags: ['latency'] });
    await startThread(cora, slug, { kind: 'question', title: 'Unrelated', tags: ['css'] });
    const hidden = (await createCommunity(fran, { visibility: 'private' })).slug;
    await startThread(fran, hidden, { kind: 'question', title: 'Private latency question', tags: ['latency'] });
    const proposal = await propose(fran);

    const home = await newbie.request('GET', '/api/v1/me/home');
    expect(home.statusCode, home.body).toBe(200);
    expect(home.json().questionsToAnswer).toMatchObject([{ threadId: match.id, matched: ['latency'], invited: false }]);
    expect(home.body).not.toContain('Private latency question');
    expect(home.json().proposalsSeekingInterest.map((p: { id: string }) => p.id)).toEqual([proposal.id]);
    await newbie.request('PUT', `/api/v1/proposals/${proposal.id}/interest/join`, {});
    expect((await newbie.request('GET', '/api/v1/me/home')).json().proposalsSeekingInterest).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/home' })).statusCode).toBe(401);
  });
});

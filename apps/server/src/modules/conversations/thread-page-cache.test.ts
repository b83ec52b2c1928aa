import { type Page, type Post, Post as PostSchema, pageOf } from '@guildhall/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { join, reply, startThread } from './test-helpers.ts';

/**
 * The thread page is served from a cache of rendered pages (thread-page-cache.ts). These tests
 * hold it to two promises: every reader gets exactly what the uncached presenter gives them
 * (`GET /posts/{id}` reads a post through it), and no change is ever served stale.
 */
let t: TestApp;
let admin: Client;
let fran: Client; // facilitator
let ana: Client; // asks, anonymously
let bo: Client; // answers
let cy: Client; // reacts
let dee: Client; // only reads
let community: { id: string; slug: string };

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  bo = await signUp(t.app, 'Bo');
  cy = await signUp(t.app, 'Cy');
  dee = await signUp(t.app, 'Dee');
  community = await createCommunity(fran);
  for (const member of [ana, bo, cy, dee]) await join(member, community.slug);
});
afterEach(() => t.close());

async function page(viewer: Client, threadId: string, query = ''): Promise<Page<Post>> {
  const res = await viewer.request('GET', `/api/v1/threads/${threadId}/posts${query}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = res.json() as Page<Post>;
  // Parsing strips what the contract does not name, so equality means nothing extra was sent.
  expect(pageOf(PostSchema).parse(body)).toEqual(body);
  return body;
}

async function single(viewer: Client, postId: string): Promise<Post> {
  const res = await viewer.request('GET', `/api/v1/posts/${postId}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** A question with an anonymous asker, an anonymous reply, a quote, reactions, an accepted answer, a hidden and a deleted post. */
async function busyThread() {
  const thread = await startThread(ana, community.slug, { kind: 'question', title: 'Why does our canary flap?', anonymous: true });
  const answer = await reply(bo, thread.id, { body: 'Check the **readiness probe** timing.' });
  const anonymousReply = await reply(ana, thread.id, { body: 'Thanks, trying it.', anonymous: true });
  const quoting = await reply(cy, thread.id, { body: 'Same here.', quotedPostId: answer.id });
  const rude = await reply(dee, thread.id, { body: 'Obviously a skill issue.' });
  const regret = await reply(bo, thread.id, { body: 'Wrong thread, sorry.' });
  for (const [who, post, reaction] of [
    [cy, answer, '+1'],
    [dee, answer, '+1'],
    [cy, anonymousReply, 'heart'],
  ] as const) {
    const res = await who.request('PUT', `/api/v1/posts/${post.id}/reactions/${encodeURIComponent(reaction)}`);
    expect(res.statusCode).toBe(200);
  }
  expect((await fran.request('POST', `/api/v1/posts/${rude.id}/hide`, { reason: 'Be kind' })).statusCode).toBe(200);
  expect((await bo.request('DELETE', `/api/v1/posts/${regret.id}`)).statusCode).toBe(204);
  expect((await ana.request('POST', `/api/v1/threads/${thread.id}/accept`, { postId: answer.id })).statusCode).toBe(200);
  return { thread, answer, anonymousReply, quoting, rude, regret };
}

describe('the thread page cache', () => {
  it('gives every reader, on a first and a cached read, what the uncached presenter gives them', async () => {
    const { thread, answer, anonymousReply, rude } = await busyThread();
    for (const viewer of [admin, fran, ana, bo, cy, dee]) {
      const first = await page(viewer, thread.id);
      const again = await page(viewer, thread.id);
      expect(again).toEqual(first);
      expect(first.items).toHaveLength(5);
      for (const item of first.items) expect(item).toEqual(await single(viewer, item.id));
    }
    // Spot checks of what differs by reader, so the comparison above is known to compare something.
    const byId = (items: Post[], id: string) => items.find((p) => p.id === id) as Post;
    const asAna = (await page(ana, thread.id)).items;
    const asDee = (await page(dee, thread.id)).items;
    const asCy = (await page(cy, thread.id)).items;
    const asFran = (await page(fran, thread.id)).items;
    expect(byId(asAna, anonymousReply.id)).toMatchObject({ isMine: true, canEdit: true, author: { anonymous: true } });
    expect(byId(asDee, anonymousReply.id)).toMatchObject({ isMine: false, canEdit: false, author: { anonymous: true } });
    expect(byId(asCy, answer.id).reactions).toEqual([{ reaction: '+1', count: 2, mine: true }]);
    expect(byId(asAna, answer.id)).toMatchObject({ isAccepted: true, reactions: [{ reaction: '+1', count: 2, mine: false }] });
    expect(byId(asFran, rude.id)).toMatchObject({ status: 'hidden', body: 'Obviously a skill issue.' });
    expect(byId(asCy, rude.id)).toMatchObject({ status: 'hidden', body: '' });
    expect(byId(asDee, rude.id)).toMatchObject({ status: 'hidden', body: 'Obviously a skill issue.', isMine: true });
    // The anonymous asker's id is in no reader's page but their own.
    for (const viewer of [admin, fran, bo, cy, dee]) {
      const res = await viewer.request('GET', `/api/v1/threads/${thread.id}/posts`);
      expect(res.body).not.toContain(ana.id);
    }
  });

  it('shows every change at once: replies, edits, reactions, hiding, deletion, acceptance', async () => {
    const thread = await startThread(ana, community.slug, { kind: 'question', title: 'Flaky integration tests?' });
    const answer = await reply(bo, thread.id, { body: 'Quarantine them first.' });
    await page(dee, thread.id); // cached from here on

    await reply(cy, thread.id, { body: 'Then fix the slowest one.' });
    expect((await page(dee, thread.id)).items.map((p) => p.bodyHtml)).toEqual([
      '<p>Quarantine them first.</p>\n',
      '<p>Then fix the slowest one.</p>\n',
    ]);

    const edited = await bo.request('PATCH', `/api/v1/posts/${answer.id}`, { body: 'Quarantine them, then fix.', version: 1 });
    expect(edited.statusCode).toBe(200);
    expect((await page(dee, thread.id)).items[0]).toMatchObject({ body: 'Quarantine them, then fix.', editedAt: expect.any(String) });

    await dee.request('PUT', `/api/v1/posts/${answer.id}/reactions/%2B1`);
    expect((await page(dee, thread.id)).items[0]?.reactions).toEqual([{ reaction: '+1', count: 1, mine: true }]);
    await dee.request('DELETE', `/api/v1/posts/${answer.id}/reactions/%2B1`);
    expect((await page(dee, thread.id)).items[0]?.reactions).toEqual([]);

    await ana.request('POST', `/api/v1/threads/${thread.id}/accept`, { postId: answer.id });
    expect((await page(dee, thread.id)).items[0]?.isAccepted).toBe(true);

    await fran.request('POST', `/api/v1/posts/${answer.id}/hide`, {});
    expect((await page(dee, thread.id)).items[0]).toMatchObject({ status: 'hidden', body: '' });
    await fran.request('POST', `/api/v1/posts/${answer.id}/restore`);
    expect((await page(dee, thread.id)).items[0]).toMatchObject({ status: 'visible', body: 'Quarantine them, then fix.' });

    await bo.request('DELETE', `/api/v1/posts/${answer.id}`);
    expect((await page(dee, thread.id)).items[0]).toMatchObject({ status: 'deleted', body: '', reactions: [] });
  });

  it('notices a change written by another server instance, which sends this one no message', async () => {
    const thread = await startThread(ana, community.slug);
    const answer = await reply(bo, thread.id, { body: 'First version.' });
    await page(dee, thread.id);
    // Another instance on the same database: the row changes, and only the database knows.
    await t.database.db.updateTable('post').set({ body_html: '<p>Written elsewhere.</p>\n' }).where('id', '=', answer.id).execute();
    expect((await page(dee, thread.id)).items[0]?.bodyHtml).toBe('<p>Written elsewhere.</p>\n');
    await t.database.db
      .insertInto('post_reaction')
      .values({ post_id: answer.id, person_id: cy.id, reaction: 'heart', created_at: new Date().toISOString() })
      .execute();
    expect((await page(dee, thread.id)).items[0]?.reactions).toEqual([{ reaction: 'heart', count: 1, mine: false }]);
  });

  it('keeps pages apart by cursor and size, and a reader who leaves a private community loses it', async () => {
    const secret = await createCommunity(fran, { visibility: 'private' });
    const invite = await fran.request('POST', `/api/v1/communities/${secret.slug}/members`, { personId: dee.id });
    expect(invite.statusCode).toBe(201);
    await join(dee, secret.slug);
    const thread = await startThread(fran, secret.slug);
    for (let i = 1; i <= 5; i++) await reply(fran, thread.id, { body: `Reply ${i}` });
    const firstTwo = await page(dee, thread.id, '?limit=2');
    expect(firstTwo.items.map((p) => p.body)).toEqual(['Reply 1', 'Reply 2']);
    const next = await page(dee, thread.id, `?limit=2&cursor=${encodeURIComponent(firstTwo.nextCursor ?? '')}`);
    expect(next.items.map((p) => p.body)).toEqual(['Reply 3', 'Reply 4']);
    expect((await page(dee, thread.id)).items).toHaveLength(5);

    expect((await dee.request('DELETE', `/api/v1/communities/${secret.slug}/members/${dee.id}`)).statusCode).toBe(204);
    const gone = await dee.request('GET', `/api/v1/threads/${thread.id}/posts`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'thread.not_found' });
  });
});

import { POST_TOMBSTONES } from '@guildhall/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { join, reply, startThread } from './test-helpers.ts';

let t: TestApp;
let admin: Client;
let fran: Client; // facilitator
let ana: Client;
let bo: Client;
let community: { id: string; slug: string };

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  bo = await signUp(t.app, 'Bo');
  community = await createCommunity(fran);
  await join(ana, community.slug);
  await join(bo, community.slug);
});
afterEach(() => t.close());

const queue = async (client: Client) => (await client.request('GET', `/api/v1/communities/${community.slug}/flags`)).json();

describe('flags and the moderation queue', () => {
  it('takes one flag per person per post and queues flagged posts, oldest first, for facilitators', async () => {
    const thread = await startThread(ana, community.slug);
    const rude = await reply(bo, thread.id, { body: 'Rude remark' });
    const spam = await reply(bo, thread.id, { body: 'Buy now' });
    const flag = await ana.request('POST', `/api/v1/posts/${rude.id}/flags`, { reason: 'Not kind' });
    expect(flag.statusCode).toBe(201);
    expect(flag.json()).toMatchObject({ postId: rude.id, reason: 'Not kind' });
    const again = await ana.request('POST', `/api/v1/posts/${rude.id}/flags`, { reason: 'Still not kind' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('flag.duplicate');
    await fran.request('POST', `/api/v1/posts/${rude.id}/flags`, { reason: 'Agreed' });
    await ana.request('POST', `/api/v1/posts/${spam.id}/flags`, { reason: 'Spam' });
    expect((await ana.request('POST', `/api/v1/posts/${spam.id}/flags`, { reason: '' })).statusCode).toBe(400);

    expect((await ana.request('GET', `/api/v1/communities/${community.slug}/flags`)).statusCode).toBe(403);
    const first = (await fran.request('GET', `/api/v1/communities/${community.slug}/flags?limit=1`)).json();
    expect(first.items).toEqual([
      expect.objectContaining({
        post: expect.objectContaining({ id: rude.id, body: 'Rude remark' }),
        thread: { id: thread.id, title: thread.title },
        flagCount: 2,
        reasons: ['Not kind', 'Agreed'],
      }),
    ]);
    expect(JSON.stringify(first)).not.toContain(ana.id);
    const second = (await fran.request('GET', `/api/v1/communities/${community.slug}/flags?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ post: { id: spam.id }, flagCount: 1 }], nextCursor: null });
    expect((await queue(admin)).items).toHaveLength(2);
  });

  it('hides a post from members (not from its author or moderators), restores it, and audits both', async () => {
    const thread = await startThread(ana, community.slug);
    const post = await reply(bo, thread.id, { body: 'Something nasty' });
    await ana.request('POST', `/api/v1/posts/${post.id}/flags`, { reason: 'Nasty' });
    expect((await ana.request('POST', `/api/v1/posts/${post.id}/hide`, {})).statusCode).toBe(403);

    const hidden = await fran.request('POST', `/api/v1/posts/${post.id}/hide`, { reason: 'Breaks the norms' });
    expect(hidden.json()).toMatchObject({ status: 'hidden', body: 'Something nasty' });
    const asMember = (await ana.request('GET', `/api/v1/threads/${thread.id}/posts`)).json().items[0];
    expect(asMember).toMatchObject({ status: 'hidden', body: '', bodyHtml: POST_TOMBSTONES.hidden });
    expect((await ana.request('GET', `/api/v1/posts/${post.id}/revisions`)).statusCode).toBe(404);
    expect((await bo.request('GET', `/api/v1/posts/${post.id}`)).json()).toMatchObject({ status: 'hidden', body: 'Something nasty' });
    expect((await queue(fran)).items).toEqual([]);
    expect((await ana.request('PUT', `/api/v1/posts/${post.id}/reactions/+1`)).json().code).toBe('post.unavailable');

    const restored = await admin.request('POST', `/api/v1/posts/${post.id}/restore`);
    expect(restored.json()).toMatchObject({ status: 'visible', body: 'Something nasty' });
    expect((await ana.request('GET', `/api/v1/posts/${post.id}`)).json().body).toBe('Something nasty');

    const audit = (await admin.request('GET', '/api/v1/audit')).json().items;
    expect(audit).toEqual([
      expect.objectContaining({ action: 'post.restore', actor: { id: admin.id, name: 'Admin' }, targetType: 'post', targetId: post.id }),
      expect.objectContaining({
        action: 'post.hide',
        actor: { id: fran.id, name: 'Fran' },
        targetId: post.id,
        detail: { threadId: thread.id, communityId: community.id, reason: 'Breaks the norms', flags: 1 },
      }),
    ]);
    const flags = await t.database.db.selectFrom('post_flag').select(['resolution']).execute();
    expect(flags).toEqual([{ resolution: 'hidden' }]);
  });

  it('dismisses unfounded flags, audited, and leaves the post as it was', async () => {
    const thread = await startThread(ana, community.slug);
    const post = await reply(bo, thread.id, { body: 'A fair point' });
    await ana.request('POST', `/api/v1/posts/${post.id}/flags`, { reason: 'I disagree' });
    expect((await bo.request('DELETE', `/api/v1/posts/${post.id}/flags`)).statusCode).toBe(403);
    expect((await fran.request('DELETE', `/api/v1/posts/${post.id}/flags`)).statusCode).toBe(204);
    expect((await queue(fran)).items).toEqual([]);
    expect((await ana.request('GET', `/api/v1/posts/${post.id}`)).json().status).toBe('visible');
    const [entry] = (await admin.request('GET', '/api/v1/audit?action=post.flags_dismiss')).json().items;
    expect(entry).toMatchObject({ actor: { id: fran.id }, targetId: post.id, detail: { flags: 1 } });
  });

  it('audits locking, pinning and moving, for admins only, a page at a time', async () => {
    const thread = await startThread(ana, community.slug);
    const target = await createCommunity(fran);
    await fran.request('PATCH', `/api/v1/threads/${thread.id}/moderation`, { locked: true });
    await fran.request('PATCH', `/api/v1/threads/${thread.id}/moderation`, { locked: true }); // no change, no entry
    await fran.request('PATCH', `/api/v1/threads/${thread.id}/moderation`, { pinned: true });
    await fran.request('POST', `/api/v1/threads/${thread.id}/move`, { community: target.slug });
    await fran.request('PATCH', `/api/v1/threads/${thread.id}/moderation`, { locked: false });
    expect((await fran.request('GET', '/api/v1/audit')).statusCode).toBe(403);
    const first = (await admin.request('GET', '/api/v1/audit?limit=2')).json();
    expect(first.items.map((e: { action: string }) => e.action)).toEqual(['thread.unlock', 'thread.move']);
    expect(first.items[1].detail).toEqual({ from: community.id, to: target.id });
    const rest = (await admin.request('GET', `/api/v1/audit?limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest).toMatchObject({ items: [{ action: 'thread.pin' }, { action: 'thread.lock' }], nextCursor: null });
  });
});

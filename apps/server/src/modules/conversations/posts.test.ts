import { POST_TOMBSTONES } from '@guildhall/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { join, mention, reply, startThread } from './test-helpers.ts';

let t: TestApp;
let fran: Client; // facilitator
let ana: Client;
let bo: Client;
let community: { id: string; slug: string };

beforeEach(async () => {
  t = await createTestApp();
  await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  bo = await signUp(t.app, 'Bo');
  community = await createCommunity(fran);
  await join(ana, community.slug);
  await join(bo, community.slug);
});
afterEach(() => t.close());

const threadRow = (id: string) =>
  t.database.db.selectFrom('thread').select(['post_count', 'last_activity_at']).where('id', '=', id).executeTakeFirstOrThrow();

describe('replying', () => {
  it('renders Markdown once on write, counts the post into the thread, and quotes within the thread', async () => {
    const thread = await startThread(ana, community.slug);
    const first = await reply(bo, thread.id, { body: '**Bold** and `code`\n\n```ts\nconst x = 1;\n```' });
    expect(first.bodyHtml).toContain('<strong>Bold</strong>');
    expect(first.bodyHtml).toContain('hljs');
    const quoting = await reply(ana, thread.id, { body: 'Agreed.', quotedPostId: first.id });
    expect(quoting.quotedPost).toEqual({
      id: first.id,
      author: { anonymous: false, person: expect.objectContaining({ id: bo.id, name: 'Bo' }) },
      status: 'visible',
      excerpt: '**Bold** and `code` ```ts const x = 1; ```',
    });
    expect(await threadRow(thread.id)).toEqual({ post_count: 3, last_activity_at: quoting.createdAt });
    const stored = await t.database.db.selectFrom('post').select('body_html').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(stored.body_html).toBe(first.bodyHtml);
  });

  it('writes nothing when a reply quotes a post of another thread or fails validation', async () => {
    const thread = await startThread(ana, community.slug);
    const other = await startThread(bo, community.slug);
    const before = await threadRow(thread.id);
    const badQuote = await bo.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: 'Hi', quotedPostId: other.firstPost.id });
    expect(badQuote.statusCode).toBe(400);
    expect(badQuote.json()).toMatchObject({ code: 'post.quote_not_in_thread', errors: [{ field: 'quotedPostId' }] });
    const empty = await bo.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: '' });
    expect(empty.json()).toMatchObject({ code: 'validation.failed', errors: [{ field: 'body' }] });
    const oversize = await bo.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: 'y'.repeat(65_537) });
    expect(oversize.json().errors[0].field).toBe('body');
    expect(await threadRow(thread.id)).toEqual(before);
    const posts = await t.database.db.selectFrom('post').select('id').where('thread_id', '=', thread.id).execute();
    expect(posts).toHaveLength(1);
  });
});

describe('reactions', () => {
  it('toggles reactions from the fixed set, with counts and "mine"', async () => {
    const thread = await startThread(ana, community.slug);
    const post = thread.firstPost;
    const on = await bo.request('PUT', `/api/v1/posts/${post.id}/reactions/+1`);
    expect(on.json()).toEqual({ postId: post.id, reactions: [{ reaction: '+1', count: 1, mine: true }] });
    await bo.request('PUT', `/api/v1/posts/${post.id}/reactions/+1`); // idempotent
    await fran.request('PUT', `/api/v1/posts/${post.id}/reactions/+1`);
    await fran.request('PUT', `/api/v1/posts/${post.id}/reactions/rocket`);
    const seen = (await ana.request('GET', `/api/v1/threads/${thread.id}`)).json().firstPost.reactions;
    expect(seen).toEqual([
      { reaction: '+1', count: 2, mine: false },
      { reaction: 'rocket', count: 1, mine: false },
    ]);
    const off = await bo.request('DELETE', `/api/v1/posts/${post.id}/reactions/+1`);
    expect(off.json().reactions).toEqual([
      { reaction: '+1', count: 1, mine: false },
      { reaction: 'rocket', count: 1, mine: false },
    ]);
    const unknown = await bo.request('PUT', `/api/v1/posts/${post.id}/reactions/poop`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'reaction.unknown', errors: [{ field: 'reaction' }] });
  });
});

describe('editing and deleting', () => {
  it('edits by the author only, with optimistic concurrency and a visible history', async () => {
    const thread = await startThread(ana, community.slug);
    const post = await reply(bo, thread.id, { body: 'First take' });
    const byOther = await fran.request('PATCH', `/api/v1/posts/${post.id}`, { body: 'Rewritten', version: 1 });
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().code).toBe('post.not_author');

    const edited = await bo.request('PATCH', `/api/v1/posts/${post.id}`, { body: 'Second take', version: 1 });
    expect(edited.json()).toMatchObject({ body: 'Second take', bodyHtml: '<p>Second take</p>\n', version: 2 });
    expect(edited.json().editedAt).not.toBeNull();
    const stale = await bo.request('PATCH', `/api/v1/posts/${post.id}`, { body: 'Lost update', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('post.version_conflict');
    await bo.request('PATCH', `/api/v1/posts/${post.id}`, { body: 'Third take', version: 2 });

    const history = (await ana.request('GET', `/api/v1/posts/${post.id}/revisions?limit=1`)).json();
    expect(history.items).toEqual([
      { version: 2, body: 'Second take', bodyHtml: '<p>Second take</p>\n', createdAt: edited.json().editedAt },
    ]);
    const older = (await ana.request('GET', `/api/v1/posts/${post.id}/revisions?limit=1&cursor=${history.nextCursor}`)).json();
    expect(older).toEqual({
      items: [expect.objectContaining({ version: 1, body: 'First take', createdAt: post.createdAt })],
      nextCursor: null,
    });
    const current = await t.database.db.selectFrom('post').select(['body', 'version']).where('id', '=', post.id).executeTakeFirstOrThrow();
    expect(current).toEqual({ body: 'Third take', version: 3 });
  });

  it('soft-deletes by the author, leaving a tombstone in its place', async () => {
    const thread = await startThread(ana, community.slug);
    const post = await reply(bo, thread.id, { body: 'Oops, wrong thread' });
    await ana.request('PUT', `/api/v1/posts/${post.id}/reactions/eyes`);
    expect((await ana.request('DELETE', `/api/v1/posts/${post.id}`)).json().code).toBe('post.not_author');
    expect((await bo.request('DELETE', `/api/v1/posts/${post.id}`)).statusCode).toBe(204);
    const [tombstone] = (await ana.request('GET', `/api/v1/threads/${thread.id}/posts`)).json().items;
    expect(tombstone).toMatchObject({
      id: post.id,
      status: 'deleted',
      body: '',
      bodyHtml: POST_TOMBSTONES.deleted,
      reactions: [],
      canEdit: false,
    });
    expect(JSON.stringify(tombstone)).not.toContain('wrong thread');
    expect((await bo.request('PATCH', `/api/v1/posts/${post.id}`, { body: 'Back', version: 1 })).json().code).toBe('post.deleted');
    expect((await ana.request('GET', `/api/v1/posts/${post.id}/revisions`)).statusCode).toBe(404);
    expect((await threadRow(thread.id)).post_count).toBe(2);
  });
});

describe('mentions', () => {
  it('lists the posts that mention me, newest first, and follows edits', async () => {
    const thread = await startThread(ana, community.slug, {
      body: `Paging ${mention(bo, 'Bo')} and ${mention({ id: 'nobody' }, 'Ghost')}`,
    });
    expect(thread.firstPost.bodyHtml).toContain(`data-person-id="${bo.id}"`);
    const second = await reply(fran, thread.id, { body: `${mention(bo, 'Bo')} what do you think?` });
    const mine = (await bo.request('GET', '/api/v1/me/mentions')).json();
    expect(mine.items.map((m: { post: { id: string } }) => m.post.id)).toEqual([second.id, thread.firstPost.id]);
    expect(mine.items[0]).toMatchObject({
      post: { author: { anonymous: false, person: { id: fran.id } } },
      thread: { id: thread.id, title: thread.title, kind: 'discussion' },
      community: { id: community.id, slug: community.slug },
    });
    await fran.request('PATCH', `/api/v1/posts/${second.id}`, { body: 'Never mind.', version: 1 });
    await ana.request('DELETE', `/api/v1/posts/${thread.firstPost.id}`);
    expect((await bo.request('GET', '/api/v1/me/mentions')).json().items).toEqual([]);
    expect((await ana.request('GET', '/api/v1/me/mentions')).json().items).toEqual([]);
  });
});

describe('read positions and unread counts', () => {
  it('counts what is new since my last visit, moving forward only', async () => {
    const thread = await startThread(ana, community.slug);
    const unread = async (who: Client) =>
      (await who.request('GET', `/api/v1/threads?community=${community.slug}`)).json().items.find((i: { id: string }) => i.id === thread.id)
        .unreadCount;
    expect(await unread(ana)).toBe(0);
    expect(await unread(bo)).toBe(1);
    const r1 = await reply(ana, thread.id);
    const r2 = await reply(ana, thread.id);
    await reply(ana, thread.id);
    expect(await unread(bo)).toBe(4);
    const read = await bo.request('POST', `/api/v1/threads/${thread.id}/read`, { postId: r1.id });
    expect(read.json()).toEqual({ threadId: thread.id, lastReadPostId: r1.id, unreadCount: 2 });
    const back = await bo.request('POST', `/api/v1/threads/${thread.id}/read`, { postId: thread.firstPost.id });
    expect(back.json()).toEqual({ threadId: thread.id, lastReadPostId: r1.id, unreadCount: 2 });
    expect((await bo.request('GET', `/api/v1/threads/${thread.id}`)).json()).toMatchObject({ lastReadPostId: r1.id, unreadCount: 2 });
    const fresh = (await bo.request('GET', `/api/v1/threads/${thread.id}/posts?after=${r1.id}`)).json();
    expect(fresh.items.map((p: { id: string }) => p.id)[0]).toBe(r2.id);
    expect(fresh.items).toHaveLength(2);
    await reply(bo, thread.id);
    expect(await unread(bo)).toBe(0);
    expect(await unread(ana)).toBe(1);
    const elsewhere = await startThread(bo, community.slug);
    const wrong = await bo.request('POST', `/api/v1/threads/${thread.id}/read`, { postId: elsewhere.firstPost.id });
    expect(wrong.json()).toMatchObject({ code: 'thread.post_not_in_thread', errors: [{ field: 'postId' }] });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { bringIn, mention, reply, startThread } from './test-helpers.ts';

/**
 * A private community's conversations are invisible to non-members: lists, threads, posts,
 * mentions, reactions and writes all answer as if nothing were there.
 */
let t: TestApp;
let admin: Client;
let fran: Client; // facilitator of the private community
let mo: Client; // its member
let nico: Client; // not a member
let secret: { id: string; slug: string };

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  mo = await signUp(t.app, 'Mo');
  nico = await signUp(t.app, 'Nico');
  secret = await createCommunity(fran, { visibility: 'private', name: 'Reorg Rumours' });
  await bringIn(fran, mo, secret.slug);
});
afterEach(() => t.close());

describe('private community conversations', () => {
  it('a non-member sees nothing of them anywhere, and cannot write to them', async () => {
    const thread = await startThread(mo, secret.slug, {
      kind: 'question',
      title: 'Codename Bluebird',
      body: `What does ${mention(nico, 'Nico')} know about Bluebird?`,
    });
    const post = await reply(fran, thread.id, { body: `${mention(nico, 'Nico')} Bluebird is on hold.` });

    const everywhere = (await nico.request('GET', '/api/v1/threads')).json();
    expect(everywhere).toEqual({ items: [], nextCursor: null });
    expect((await nico.request('GET', '/api/v1/me/mentions')).json()).toEqual({ items: [], nextCursor: null });
    const hidden = [
      ['GET', `/api/v1/threads?community=${secret.slug}`, 'community.not_found'],
      ['POST', `/api/v1/communities/${secret.slug}/threads`, 'community.not_found', { kind: 'discussion', title: 'x', body: 'y' }],
      ['GET', `/api/v1/communities/${secret.slug}/flags`, 'community.not_found'],
      ['GET', `/api/v1/threads/${thread.id}`, 'thread.not_found'],
      ['GET', `/api/v1/threads/${thread.id}/posts`, 'thread.not_found'],
      ['POST', `/api/v1/threads/${thread.id}/posts`, 'thread.not_found', { body: 'Hello?' }],
      ['POST', `/api/v1/threads/${thread.id}/read`, 'thread.not_found', { postId: post.id }],
      ['GET', `/api/v1/posts/${post.id}`, 'post.not_found'],
      ['GET', `/api/v1/posts/${post.id}/revisions`, 'post.not_found'],
      ['PUT', `/api/v1/posts/${post.id}/reactions/eyes`, 'post.not_found'],
      ['POST', `/api/v1/posts/${post.id}/flags`, 'post.not_found', { reason: 'Curious' }],
    ] as const;
    for (const [method, url, code, body] of hidden) {
      const res = await nico.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code, `${method} ${url}`).toBe(code);
      for (const leak of ['Bluebird', 'Reorg Rumours', secret.id, thread.id, post.id]) {
        expect(res.body, `${method} ${url}`).not.toContain(leak);
      }
    }
    // An existing hidden thread answers exactly like one that does not exist.
    const missing = await nico.request('GET', '/api/v1/threads/01234567-89ab-7def-8123-456789abcdef');
    const existing = await nico.request('GET', `/api/v1/threads/${thread.id}`);
    expect(existing.json()).toEqual(missing.json());

    const reactions = await t.database.db.selectFrom('post_reaction').select('post_id').execute();
    expect(reactions).toEqual([]);
  });

  it('members and admins read them; a member who leaves loses them from lists and mentions', async () => {
    const thread = await startThread(fran, secret.slug, { title: 'Bluebird', body: `${mention(mo, 'Mo')} have a look` });
    expect((await mo.request('GET', '/api/v1/threads')).json().items.map((i: { id: string }) => i.id)).toEqual([thread.id]);
    expect((await admin.request('GET', '/api/v1/threads')).json().items.map((i: { id: string }) => i.id)).toEqual([thread.id]);
    expect((await mo.request('GET', '/api/v1/me/mentions')).json().items).toHaveLength(1);

    expect((await mo.request('DELETE', `/api/v1/communities/${secret.slug}/members/${mo.id}`)).statusCode).toBe(204);
    expect((await mo.request('GET', '/api/v1/threads')).json().items).toEqual([]);
    expect((await mo.request('GET', '/api/v1/me/mentions')).json().items).toEqual([]);
    expect((await mo.request('GET', `/api/v1/threads/${thread.id}`)).statusCode).toBe(404);
  });

  it('open communities are readable by everyone signed in, but only members take part', async () => {
    const open = await createCommunity(fran);
    const thread = await startThread(fran, open.slug);
    expect((await nico.request('GET', `/api/v1/threads/${thread.id}`)).json()).toMatchObject({ canReply: false, canModerate: false });
    const res = await nico.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: 'Can I join in?' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('community.members_only');
    expect((await nico.request('PUT', `/api/v1/posts/${thread.firstPost.id}/reactions/+1`)).json().code).toBe('community.members_only');
    expect((await nico.request('POST', `/api/v1/posts/${thread.firstPost.id}/flags`, { reason: 'Wrong place' })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/threads/${thread.id}` })).statusCode).toBe(401);
  });
});

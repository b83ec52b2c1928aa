import { ConversationEvents } from '@guildhall/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { PublishedEvent } from '../../platform/realtime/bus.ts';
import { join, mention, reply, startThread } from './test-helpers.ts';

/**
 * The anonymous promise: the author of an anonymous post is never revealed to anyone but
 * themselves — not to facilitators, not to org admins, not in events, not in log lines.
 * One story is played through an app that logs everything, then every response, event and
 * log line is searched for the author's id, name and email.
 */
const NAME = 'Zephyrine Quillfeather';

let t: TestApp;
let app: FastifyInstance;
const logs: string[] = [];
const events: PublishedEvent[] = [];
let admin: Client;
let fran: Client; // facilitator
let bo: Client; // a member who answers
let zed: Client; // asks anonymously
const seen: { who: string; what: string; res: LightMyRequestResponse }[] = [];
const ids = {} as Record<'question' | 'answer' | 'anonymousReply' | 'discussion' | 'anonymousInDiscussion' | 'quotesAnonymous', string>;
let slug: string;

beforeAll(async () => {
  t = await createTestApp();
  app = await buildApp({
    config: t.config,
    database: t.database,
    logger: { level: 'trace', stream: { write: (line: string) => logs.push(line) } },
  });
  await app.ready();
  admin = await signUp(app, 'Org Admin');
  fran = await signUp(app, 'Fran Facilitator');
  bo = await signUp(app, 'Bo Member');
  zed = await signUp(app, NAME);
  slug = (await createCommunity(fran)).slug;
  await join(bo, slug);
  await join(zed, slug);
  // This room's events only: joining a community is announced with the joiner's id, and on
  // PostgreSQL the joins above may still be arriving.
  app.bus.subscribe((e) => {
    if (e.type in ConversationEvents) events.push(e);
  });
  logs.length = 0;

  // The story: an anonymous question, answered and accepted; an anonymous reply elsewhere,
  // quoted, edited, reacted to, mentioning people, flagged, hidden; the thread locked.
  const question = await startThread(zed, slug, {
    kind: 'question',
    anonymous: true,
    title: 'Is it OK that I do not understand our deploy pipeline?',
    body: `Asking for a friend. ${mention(admin, 'Org Admin')} ${mention(fran, 'Fran Facilitator')}`,
    tags: ['ci'],
  });
  ids.question = question.id;
  const answer = await reply(bo, question.id, { body: 'Totally OK. Start with the Makefile.' });
  ids.answer = answer.id;
  const anonymousReply = await reply(zed, question.id, {
    body: `Thanks! ${mention(admin, 'Org Admin')} could we document it?`,
    anonymous: true,
    quotedPostId: answer.id,
  });
  ids.anonymousReply = anonymousReply.id;
  await zed.request('PATCH', `/api/v1/posts/${anonymousReply.id}`, { body: `Thanks!! ${mention(admin, 'Org Admin')}`, version: 1 });
  await zed.request('PUT', `/api/v1/posts/${answer.id}/reactions/heart`);
  await zed.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: answer.id });
  await zed.request('POST', `/api/v1/threads/${question.id}/read`, { postId: anonymousReply.id });

  const discussion = await startThread(bo, slug, { title: 'Pipeline pain points' });
  ids.discussion = discussion.id;
  const anonymousInDiscussion = await reply(zed, discussion.id, { body: 'The flaky e2e stage.', anonymous: true });
  ids.anonymousInDiscussion = anonymousInDiscussion.id;
  const quoting = await reply(bo, discussion.id, { body: 'Same here.', quotedPostId: anonymousInDiscussion.id });
  ids.quotesAnonymous = quoting.id;
  await bo.request('POST', `/api/v1/posts/${anonymousInDiscussion.id}/flags`, { reason: 'Off topic rant' });
  await bo.request('POST', `/api/v1/posts/${anonymousReply.id}/flags`, { reason: 'Spam' });

  // Everything facilitators, admins and members can read, before and after moderating.
  const look = async (what: string) => {
    for (const [who, client] of [
      ['facilitator', fran],
      ['admin', admin],
      ['member', bo],
    ] as const) {
      for (const url of [
        '/api/v1/threads',
        `/api/v1/threads?community=${slug}`,
        `/api/v1/threads?community=${slug}&kind=question&state=answered&tag=ci`,
        `/api/v1/threads/${ids.question}`,
        `/api/v1/threads/${ids.question}/posts`,
        `/api/v1/threads/${ids.discussion}`,
        `/api/v1/threads/${ids.discussion}/posts`,
        `/api/v1/posts/${ids.anonymousReply}`,
        `/api/v1/posts/${ids.anonymousReply}/revisions`,
        `/api/v1/posts/${question.firstPost.id}/revisions`,
        `/api/v1/posts/${ids.quotesAnonymous}`,
        '/api/v1/me/mentions',
        `/api/v1/communities/${slug}/flags`,
        '/api/v1/audit',
      ]) {
        seen.push({ who, what: `${what} GET ${url}`, res: await client.request('GET', url) });
      }
    }
  };
  await look('before moderation');
  const moderate = async (client: Client, who: string, method: string, url: string, body?: object) =>
    seen.push({ who, what: `${method} ${url}`, res: await client.request(method, url, body) });
  await moderate(fran, 'facilitator', 'POST', `/api/v1/posts/${ids.anonymousInDiscussion}/hide`, { reason: 'Rant' });
  await moderate(admin, 'admin', 'POST', `/api/v1/posts/${ids.anonymousReply}/hide`, {});
  await moderate(admin, 'admin', 'POST', `/api/v1/posts/${ids.anonymousReply}/restore`);
  await moderate(fran, 'facilitator', 'PATCH', `/api/v1/threads/${ids.question}/moderation`, { locked: true, pinned: true });
  await moderate(fran, 'facilitator', 'PATCH', `/api/v1/threads/${ids.question}`, { title: 'Understanding the deploy pipeline' });
  await moderate(admin, 'admin', 'DELETE', `/api/v1/threads/${ids.question}/accept`);
  await moderate(fran, 'facilitator', 'POST', `/api/v1/threads/${ids.question}/accept`, { postId: ids.answer });
  await look('after moderation');
  // Events travel asynchronously (NOTIFY on PostgreSQL); give the last ones time to arrive.
  await waitFor(() =>
    events.some((e) => e.type === 'thread.updated' && e.data.thread !== undefined && JSON.stringify(e).includes('"answered"')),
  );
});
afterAll(async () => {
  await app.close();
  await t.close();
});

async function waitFor(condition: () => boolean, ms = 3000) {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

const secrets = () => [zed.id, NAME, zed.email, NAME.split(' ')[1] as string];

describe('the anonymous promise', () => {
  it('no response to a facilitator, an admin or a member names the anonymous author', () => {
    expect(seen.length).toBeGreaterThan(80);
    for (const { who, what, res } of seen) {
      expect(res.statusCode, `${who} ${what}: ${res.body}`).toBeLessThan(500);
      for (const secret of secrets()) expect(res.body, `${who} ${what}`).not.toContain(secret);
    }
  });

  it('shows anonymous authors as { anonymous: true } and never as theirs to others', () => {
    const byUrl = (who: string, suffix: string) =>
      seen.filter((s) => s.who === who && s.what.startsWith('after') && s.what.endsWith(`GET ${suffix}`))[0]?.res.json();
    for (const who of ['facilitator', 'admin', 'member']) {
      const thread = byUrl(who, `/api/v1/threads/${ids.question}`);
      expect(thread.author).toEqual({ anonymous: true });
      expect(thread.isMine).toBe(false);
      expect(thread.firstPost).toMatchObject({ author: { anonymous: true }, isMine: false, canEdit: false });
      const posts = byUrl(who, `/api/v1/threads/${ids.question}/posts`).items;
      expect(posts[1]).toMatchObject({ id: ids.anonymousReply, author: { anonymous: true }, isMine: false });
      expect(byUrl(who, `/api/v1/posts/${ids.quotesAnonymous}`).quotedPost.author).toEqual({ anonymous: true });
    }
    const adminMentions = byUrl('admin', '/api/v1/me/mentions').items;
    expect(adminMentions.map((m: { post: { author: unknown } }) => m.post.author)).toEqual([{ anonymous: true }, { anonymous: true }]);
    const queue = seen.find((s) => s.who === 'facilitator' && s.what === `before moderation GET /api/v1/communities/${slug}/flags`);
    expect(queue?.res.json().items.map((i: { post: { author: unknown } }) => i.post.author)).toEqual([
      { anonymous: true },
      { anonymous: true },
    ]);
    const audit = seen.find((s) => s.who === 'admin' && s.what === 'after moderation GET /api/v1/audit');
    expect(audit?.res.json().items.map((e: { action: string }) => e.action)).toEqual([
      'thread.lock',
      'thread.pin',
      'post.restore',
      'post.hide',
      'post.hide',
    ]);
  });

  it('the author alone sees the posts as theirs, and may still edit and delete them', async () => {
    const thread = (await zed.request('GET', `/api/v1/threads/${ids.question}`)).json();
    expect(thread).toMatchObject({ author: { anonymous: true }, isMine: true, firstPost: { isMine: true, canEdit: true } });
    const hidden = (await zed.request('GET', `/api/v1/posts/${ids.anonymousInDiscussion}`)).json();
    expect(hidden).toMatchObject({ status: 'hidden', body: 'The flaky e2e stage.', isMine: true, canEdit: true });
    const edit = await zed.request('PATCH', `/api/v1/posts/${ids.anonymousInDiscussion}`, { body: 'Toned down.', version: 1 });
    expect(edit.json()).toMatchObject({ author: { anonymous: true }, isMine: true, version: 2 });
    expect((await zed.request('DELETE', `/api/v1/posts/${ids.anonymousInDiscussion}`)).statusCode).toBe(204);
    const byFacilitator = await fran.request('PATCH', `/api/v1/posts/${ids.anonymousReply}`, { body: 'x', version: 2 });
    expect(byFacilitator.json().code).toBe('post.not_author');
  });

  it('no event names the anonymous author; only their own audience learns a post is theirs', () => {
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['thread.created', 'post.created', 'post.mine', 'post.updated', 'reaction.changed', 'thread.updated']),
    );
    for (const e of events) {
      const data = JSON.stringify(e.data);
      for (const secret of secrets()) expect(data, e.type).not.toContain(secret);
      if (e.type === 'post.mine') expect(e.audience).toEqual([zed.id]);
      else expect(e.audience ?? null, e.type).toBeNull();
    }
    const created = events.filter((e) => e.type === 'post.created').map((e) => e.data.post as { id: string; author: unknown });
    expect(created.find((p) => p.id === ids.anonymousReply)?.author).toEqual({ anonymous: true });
    const hiddenUpdate = events.find((e) => e.type === 'post.updated' && e.data.postId === ids.anonymousInDiscussion);
    expect(JSON.stringify(hiddenUpdate)).not.toContain('flaky');
  });

  it('no log line names the anonymous author', () => {
    expect(logs.length).toBeGreaterThan(100);
    for (const line of logs) for (const secret of secrets()) expect(line).not.toContain(secret);
  });

  it('stores the author (for their rights) but no search-facing column carries it', async () => {
    const row = await t.database.db
      .selectFrom('post')
      .select(['author_id', 'anonymous', 'body'])
      .where('id', '=', ids.anonymousReply)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ author_id: zed.id, anonymous: 1 });
    for (const secret of secrets().slice(1)) expect(row.body).not.toContain(secret);
    const audit = await t.database.db.selectFrom('audit_log').select(['actor_id', 'target_id', 'detail']).execute();
    for (const entry of audit) for (const secret of secrets()) expect(JSON.stringify(entry)).not.toContain(secret);
  });
});

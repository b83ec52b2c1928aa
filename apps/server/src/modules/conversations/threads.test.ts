import type { ThreadSummary } from '@guildhall/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { join, reply, startThread } from './test-helpers.ts';

let t: TestApp;
let admin: Client;
let fran: Client; // facilitator
let ana: Client; // asker
let bo: Client; // answerer
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

const titles = (items: ThreadSummary[]) => items.map((i) => i.title);

describe('starting threads', () => {
  it('starts each kind in its initial state, with the body as its first post', async () => {
    const discussion = await startThread(ana, community.slug, {
      kind: 'discussion',
      title: 'Tracing costs',
      tags: ['OTel', 'otel', 'cost'],
    });
    expect(discussion).toMatchObject({
      kind: 'discussion',
      state: null,
      tags: ['otel', 'cost'],
      replyCount: 0,
      unreadCount: 0,
      isMine: true,
      author: { anonymous: false, person: { id: ana.id, name: 'Ana' } },
      community: { id: community.id, slug: community.slug },
      firstPost: { body: 'We keep losing context between shifts.', isMine: true, canEdit: true, version: 1 },
      acceptedAnswer: null,
      canReply: true,
      canModerate: false,
    });
    expect(discussion.firstPost.bodyHtml).toBe('<p>We keep losing context between shifts.</p>\n');
    expect((await startThread(ana, community.slug, { kind: 'question' })).state).toBe('unanswered');
    expect((await startThread(ana, community.slug, { kind: 'challenge' })).state).toBe('open');
  });

  it('refuses empty and oversize bodies, long titles and too many tags, writing nothing', async () => {
    const cases = [
      [{ body: '   \n ' }, 'body'],
      [{ body: 'x'.repeat(64 * 1024 + 1) }, 'body'],
      [{ body: 'é'.repeat(40 * 1024) }, 'body'], // 80 KiB of UTF-8 in 40 Ki characters
      [{ title: 't'.repeat(201) }, 'title'],
      [{ tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
      [{ tags: ['Not A Slug'] }, 'tags.0'],
    ] as const;
    for (const [input, field] of cases) {
      const res = await ana.request('POST', `/api/v1/communities/${community.slug}/threads`, {
        kind: 'discussion',
        title: 'T',
        body: 'B',
        ...input,
      });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const exactly64KiB = await ana.request('POST', `/api/v1/communities/${community.slug}/threads`, {
      kind: 'discussion',
      title: 'Big',
      body: 'x'.repeat(64 * 1024),
    });
    expect(exactly64KiB.statusCode).toBe(201);
    const count = await t.database.db.selectFrom('thread').select(t.database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('lets only questions be anonymous, and only members start threads', async () => {
    const anonymousDiscussion = await ana.request('POST', `/api/v1/communities/${community.slug}/threads`, {
      kind: 'discussion',
      title: 'Psst',
      body: 'Secret',
      anonymous: true,
    });
    expect(anonymousDiscussion.statusCode).toBe(400);
    expect(anonymousDiscussion.json()).toMatchObject({ code: 'thread.anonymous_questions_only', errors: [{ field: 'anonymous' }] });
    const outsider = await signUp(t.app, 'Outsider');
    const res = await outsider.request('POST', `/api/v1/communities/${community.slug}/threads`, {
      kind: 'question',
      title: 'Hi',
      body: 'Hi',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('community.members_only');
  });

  it('edits title and tags by the starter or a facilitator, not by others', async () => {
    const thread = await startThread(ana, community.slug, { tags: ['k8s'] });
    const byBo = await bo.request('PATCH', `/api/v1/threads/${thread.id}`, { title: 'Hijacked' });
    expect(byBo.statusCode).toBe(403);
    const byAna = await ana.request('PATCH', `/api/v1/threads/${thread.id}`, { title: 'Handovers', tags: ['on-call'] });
    expect(byAna.json()).toMatchObject({ title: 'Handovers', tags: ['on-call'] });
    const byFran = await fran.request('PATCH', `/api/v1/threads/${thread.id}`, { tags: [] });
    expect(byFran.json()).toMatchObject({ title: 'Handovers', tags: [] });
  });
});

describe('questions and accepted answers', () => {
  it('the asker accepts an answer, shown first under the question, and time to answer is recorded', async () => {
    const question = await startThread(ana, community.slug, { kind: 'question', title: 'Why is p99 spiky?' });
    await reply(ana, question.id, { body: 'More detail: only on Mondays.' });
    expect((await ana.request('GET', `/api/v1/threads/${question.id}`)).json().firstAnswerAt).toBeNull();
    const answer = await reply(bo, question.id, { body: 'GC pauses. Check the heap.' });
    const answered = (await ana.request('GET', `/api/v1/threads/${question.id}`)).json();
    expect(answered.firstAnswerAt).toBe(answer.createdAt);

    const accept = await ana.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: answer.id });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toMatchObject({
      state: 'answered',
      acceptedPostId: answer.id,
      acceptedAnswer: { id: answer.id, isAccepted: true, body: 'GC pauses. Check the heap.' },
      firstAnswerAt: answer.createdAt,
    });
    expect(accept.json().acceptedAt >= answer.createdAt).toBe(true);
    const page = (await bo.request('GET', `/api/v1/threads/${question.id}/posts`)).json();
    expect(page.items.map((p: { isAccepted: boolean }) => p.isAccepted)).toEqual([false, true]);

    const unaccept = await fran.request('DELETE', `/api/v1/threads/${question.id}/accept`);
    expect(unaccept.json()).toMatchObject({ state: 'unanswered', acceptedPostId: null, acceptedAnswer: null, acceptedAt: null });
  });

  it('refuses answers from another thread, the question itself, and acceptance by a bystander', async () => {
    const question = await startThread(ana, community.slug, { kind: 'question' });
    const other = await startThread(bo, community.slug, { kind: 'question' });
    const elsewhere = await reply(bo, other.id);
    const answer = await reply(bo, question.id);

    const fromOtherThread = await ana.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: elsewhere.id });
    expect(fromOtherThread.statusCode).toBe(400);
    expect(fromOtherThread.json()).toMatchObject({ code: 'thread.answer_not_in_thread', errors: [{ field: 'postId' }] });
    const unknown = await ana.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: 'nope' });
    expect(unknown.json().code).toBe('thread.answer_not_in_thread');
    const itself = await ana.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: question.firstPost.id });
    expect(itself.statusCode).toBe(400);
    expect(itself.json().code).toBe('thread.answer_is_question');
    const bystander = await bo.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: answer.id });
    expect(bystander.statusCode).toBe(403);
    const notAQuestion = await ana.request('POST', `/api/v1/threads/${(await startThread(ana, community.slug)).id}/accept`, {
      postId: answer.id,
    });
    expect(notAQuestion.statusCode).toBe(409);
    expect(notAQuestion.json().code).toBe('thread.not_question');

    const byFacilitator = await fran.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: answer.id });
    expect(byFacilitator.json().state).toBe('answered');
    const row = await t.database.db
      .selectFrom('thread')
      .select(['state', 'accepted_post_id'])
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'unanswered', accepted_post_id: null });
  });

  it('an answer deleted by its author no longer answers the question', async () => {
    const question = await startThread(ana, community.slug, { kind: 'question' });
    const answer = await reply(bo, question.id);
    await ana.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: answer.id });
    expect((await bo.request('DELETE', `/api/v1/posts/${answer.id}`)).statusCode).toBe(204);
    expect((await ana.request('GET', `/api/v1/threads/${question.id}`)).json()).toMatchObject({
      state: 'unanswered',
      acceptedAnswer: null,
    });
  });
});

describe('challenges', () => {
  it('moves open → being-worked → solved with the solving post marked', async () => {
    const challenge = await startThread(ana, community.slug, { kind: 'challenge', title: 'Flaky deploys' });
    const working = await fran.request('POST', `/api/v1/threads/${challenge.id}/state`, { state: 'being-worked' });
    expect(working.json()).toMatchObject({ state: 'being-worked', acceptedPostId: null });
    const fix = await reply(bo, challenge.id, { body: 'Pin the base image.' });
    const noPost = await ana.request('POST', `/api/v1/threads/${challenge.id}/state`, { state: 'solved' });
    expect(noPost.json()).toMatchObject({ code: 'thread.solution_required', errors: [{ field: 'postId' }] });
    const byBo = await bo.request('POST', `/api/v1/threads/${challenge.id}/state`, { state: 'solved', postId: fix.id });
    expect(byBo.statusCode).toBe(403);
    const solved = await ana.request('POST', `/api/v1/threads/${challenge.id}/state`, { state: 'solved', postId: fix.id });
    expect(solved.json()).toMatchObject({ state: 'solved', acceptedPostId: fix.id, acceptedAnswer: { id: fix.id, isAccepted: true } });
    const reopened = await ana.request('POST', `/api/v1/threads/${challenge.id}/state`, { state: 'open' });
    expect(reopened.json()).toMatchObject({ state: 'open', acceptedPostId: null });
    const question = await startThread(ana, community.slug, { kind: 'question' });
    expect((await ana.request('POST', `/api/v1/threads/${question.id}/state`, { state: 'open' })).json().code).toBe('thread.not_challenge');
  });
});

describe('locking, pinning and moving', () => {
  it('refuses replies in a locked thread with 409, except from facilitators, and unlocks', async () => {
    const thread = await startThread(ana, community.slug);
    const lock = await fran.request('PATCH', `/api/v1/threads/${thread.id}/moderation`, { locked: true });
    expect(lock.json()).toMatchObject({ locked: true, canReply: true });
    expect((await ana.request('GET', `/api/v1/threads/${thread.id}`)).json().canReply).toBe(false);
    const res = await bo.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: 'One more thing' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('thread.locked');
    expect((await fran.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: 'Closing this.' })).statusCode).toBe(201);
    const byMember = await ana.request('PATCH', `/api/v1/threads/${thread.id}/moderation`, { locked: false });
    expect(byMember.statusCode).toBe(403);
    await fran.request('PATCH', `/api/v1/threads/${thread.id}/moderation`, { locked: false });
    expect((await bo.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: 'Thanks' })).statusCode).toBe(201);
    const row = await t.database.db.selectFrom('thread').select('post_count').where('id', '=', thread.id).executeTakeFirstOrThrow();
    expect(row.post_count).toBe(3);
  });

  it('pins a thread to the top of its community only', async () => {
    const older = await startThread(ana, community.slug, { title: 'Older' });
    await startThread(ana, community.slug, { title: 'Newer' });
    await fran.request('PATCH', `/api/v1/threads/${older.id}/moderation`, { pinned: true });
    const inCommunity = (await bo.request('GET', `/api/v1/threads?community=${community.slug}`)).json();
    expect(titles(inCommunity.items)).toEqual(['Older', 'Newer']);
    expect(inCommunity.items[0].pinned).toBe(true);
    expect(titles((await bo.request('GET', '/api/v1/threads')).json().items)).toEqual(['Newer', 'Older']);
  });

  it('moves a thread into another community the mover facilitates, and nowhere else', async () => {
    const thread = await startThread(ana, community.slug);
    const target = await createCommunity(fran);
    const notFacilitated = await createCommunity(bo);
    const denied = await fran.request('POST', `/api/v1/threads/${thread.id}/move`, { community: notFacilitated.slug });
    expect(denied.statusCode).toBe(403);
    const byMember = await ana.request('POST', `/api/v1/threads/${thread.id}/move`, { community: target.slug });
    expect(byMember.statusCode).toBe(403);
    const moved = await fran.request('POST', `/api/v1/threads/${thread.id}/move`, { community: target.slug });
    expect(moved.json()).toMatchObject({ community: { id: target.id }, pinned: false });
    const byAdmin = await admin.request('POST', `/api/v1/threads/${thread.id}/move`, { community: notFacilitated.slug });
    expect(byAdmin.json().community.id).toBe(notFacilitated.id);
  });
});

describe('thread lists', () => {
  it('filters by kind, state and tag, latest activity first, a page at a time', async () => {
    const q1 = await startThread(ana, community.slug, { kind: 'question', title: 'Q1', tags: ['jvm'] });
    const q2 = await startThread(ana, community.slug, { kind: 'question', title: 'Q2' });
    await startThread(ana, community.slug, { kind: 'challenge', title: 'C1', tags: ['jvm'] });
    await startThread(ana, community.slug, { kind: 'discussion', title: 'D1' });
    const answer = await reply(bo, q1.id);
    await ana.request('POST', `/api/v1/threads/${q1.id}/accept`, { postId: answer.id });

    const list = async (query: string) => titles((await bo.request('GET', `/api/v1/threads?${query}`)).json().items);
    expect(await list('')).toEqual(['Q1', 'D1', 'C1', 'Q2']);
    expect(await list('kind=question')).toEqual(['Q1', 'Q2']);
    expect(await list('state=unanswered')).toEqual(['Q2']);
    expect(await list('state=answered')).toEqual(['Q1']);
    expect(await list('state=open')).toEqual(['C1']);
    expect(await list('tag=JVM')).toEqual(['Q1', 'C1']);
    expect(await list(`community=${community.slug}&kind=challenge&tag=jvm`)).toEqual(['C1']);
    expect((await bo.request('GET', '/api/v1/threads?state=nope')).statusCode).toBe(400);

    for (const query of ['', `community=${community.slug}&`]) {
      const first = (await bo.request('GET', `/api/v1/threads?${query}limit=3`)).json();
      expect(titles(first.items)).toEqual(['Q1', 'D1', 'C1']);
      const second = (await bo.request('GET', `/api/v1/threads?${query}limit=3&cursor=${first.nextCursor}`)).json();
      expect(second).toMatchObject({ items: [{ id: q2.id }], nextCursor: null });
    }
    const unknown = await bo.request('GET', '/api/v1/threads?community=no-such-community');
    expect(unknown.json().code).toBe('community.not_found');
  });
});

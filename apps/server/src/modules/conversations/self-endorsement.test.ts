import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { join, reply, startThread } from './test-helpers.ts';

let t: TestApp;
let fran: Client; // facilitator
let ana: Client;
let bo: Client;
let slug: string;

beforeEach(async () => {
  t = await createTestApp();
  await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  bo = await signUp(t.app, 'Bo');
  slug = (await createCommunity(fran)).slug;
  await join(ana, slug);
  await join(bo, slug);
});
afterEach(() => t.close());

const reactionRows = (postId: string) =>
  t.database.db.selectFrom('post_reaction').select(['person_id', 'reaction']).where('post_id', '=', postId).execute();

describe('self-endorsement', () => {
  it('refuses a reaction to one’s own post, named or anonymous, and stores nothing; taking an old one back still works', async () => {
    const thread = await startThread(ana, slug, { title: 'My first thread' });
    const own = await ana.request('PUT', `/api/v1/posts/${thread.firstPost.id}/reactions/heart`);
    expect(own.statusCode).toBe(409);
    expect(own.headers['content-type']).toContain('application/problem+json');
    expect(own.json()).toMatchObject({ code: 'reaction.own_post', status: 409 });
    const anonymous = await reply(ana, thread.id, { body: 'Said quietly', anonymous: true });
    expect((await ana.request('PUT', `/api/v1/posts/${anonymous.id}/reactions/+1`)).json().code).toBe('reaction.own_post');
    expect(await reactionRows(thread.firstPost.id)).toEqual([]);
    expect(await reactionRows(anonymous.id)).toEqual([]);

    // Others react as before.
    expect((await bo.request('PUT', `/api/v1/posts/${anonymous.id}/reactions/+1`)).statusCode).toBe(200);

    // A reaction to one's own post from before the rule can be taken back.
    await t.database.db
      .insertInto('post_reaction')
      .values({ post_id: thread.firstPost.id, person_id: ana.id, reaction: 'tada', created_at: new Date().toISOString() })
      .execute();
    const off = await ana.request('DELETE', `/api/v1/posts/${thread.firstPost.id}/reactions/tada`);
    expect(off.statusCode, off.body).toBe(200);
    expect(await reactionRows(thread.firstPost.id)).toEqual([]);
  });

  it('refuses accepting one’s own answer, as the asker or as a facilitator; the asker accepts others’ answers', async () => {
    const question = await startThread(ana, slug, { kind: 'question', title: 'How do we version events?' });
    const hers = await reply(ana, question.id, { body: 'Answering myself: a version field.' });
    const self = await ana.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: hers.id });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'thread.own_answer' });

    const frans = await reply(fran, question.id, { body: 'A schema registry.' });
    expect((await fran.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: frans.id })).json().code).toBe(
      'thread.own_answer',
    );
    const state = await t.database.db
      .selectFrom('thread')
      .select(['accepted_post_id', 'state'])
      .where('id', '=', question.id)
      .executeTakeFirst();
    expect(state).toEqual({ accepted_post_id: null, state: 'unanswered' });

    // The normal flow: the asker accepts someone else's answer, or a facilitator does for her.
    const bos = await reply(bo, question.id, { body: 'Put the version in the envelope.' });
    expect((await ana.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: frans.id })).statusCode).toBe(200);
    const byFacilitator = await fran.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: bos.id });
    expect(byFacilitator.statusCode, byFacilitator.body).toBe(200);
  });

  it('refuses marking one’s own reply as a challenge’s solution, as the challenger or as a facilitator, and writes nothing', async () => {
    const challenge = await startThread(ana, slug, { kind: 'challenge', title: 'Flaky deploys' });
    expect((await fran.request('POST', `/api/v1/threads/${challenge.id}/state`, { state: 'being-worked' })).statusCode).toBe(200);
    const hers = await reply(ana, challenge.id, { body: 'Solved it myself: retries.' });
    const herAnonymous = await reply(ana, challenge.id, { body: 'Quietly: pin the image.', anonymous: true });
    const frans = await reply(fran, challenge.id, { body: 'Pin the base image.' });
    const solve = (client: Client, postId: string) =>
      client.request('POST', `/api/v1/threads/${challenge.id}/state`, { state: 'solved', postId });

    for (const [client, postId] of [
      [ana, hers.id],
      [ana, herAnonymous.id],
      [fran, frans.id],
    ] as const) {
      const self = await solve(client, postId);
      expect(self.statusCode).toBe(409);
      expect(self.headers['content-type']).toContain('application/problem+json');
      expect(self.json()).toMatchObject({ code: 'thread.own_solution', status: 409 });
    }
    const unchanged = await t.database.db
      .selectFrom('thread')
      .select(['accepted_post_id', 'accepted_at', 'state'])
      .where('id', '=', challenge.id)
      .executeTakeFirst();
    expect(unchanged).toEqual({ accepted_post_id: null, accepted_at: null, state: 'being-worked' });

    // The normal flow: the challenger marks someone else's reply, or a facilitator does for her.
    const byChallenger = await solve(ana, frans.id);
    expect(byChallenger.json()).toMatchObject({ state: 'solved', acceptedPostId: frans.id });
    const bos = await reply(bo, challenge.id, { body: 'Or build reproducibly.' });
    const byFacilitator = await solve(fran, bos.id);
    expect(byFacilitator.statusCode, byFacilitator.body).toBe(200);
    expect(byFacilitator.json()).toMatchObject({ state: 'solved', acceptedPostId: bos.id });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { bringIn, join, reply, startThread } from '../conversations/test-helpers.ts';

let t: TestApp;
let fran: Client;
let ann: Client;
let ben: Client;
let cy: Client;
let dee: Client;
let outsider: Client;
let open: string;

const accept = async (client: Client, threadId: string, postId: string) => {
  const res = await client.request('POST', `/api/v1/threads/${threadId}/accept`, { postId });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.body}`);
};
const react = async (client: Client, postId: string) => {
  const res = await client.request('PUT', `/api/v1/posts/${postId}/reactions/+1`);
  if (res.statusCode !== 200) throw new Error(`react failed: ${res.body}`);
};

type Helper = { person: { name: string }; score: number; counts: Record<string, number> };
const helpers = async (viewer: Client, topic: string) =>
  ((await viewer.request('GET', `/api/v1/people/expertise?topic=${topic}`)).json().items as Helper[]).map((h) => [
    h.person.name,
    h.score,
    h.counts,
  ]);

beforeEach(async () => {
  t = await createTestApp();
  fran = await signUp(t.app, 'Fran');
  ann = await signUp(t.app, 'Ann');
  ben = await signUp(t.app, 'Ben');
  cy = await signUp(t.app, 'Cy');
  dee = await signUp(t.app, 'Dee');
  outsider = await signUp(t.app, 'Outsider');
  open = (await createCommunity(fran, { name: 'Streaming' })).slug;
  for (const c of [ann, ben, cy, dee]) await join(c, open);
});
afterEach(() => t.close());

describe('reciprocal endorsement', () => {
  it('counts a pair who only ever vouch for each other once in each direction; others count in full', async () => {
    // Ann asks three times, Ben answers, Ann accepts each and reacts to each answer.
    const bens: string[] = [];
    for (const n of [1, 2, 3]) {
      const q = await startThread(ann, open, { kind: 'question', title: `Ann's Kafka question ${n}`, tags: ['kafka'] });
      const answer = await reply(ben, q.id, { body: `Ben's answer ${n}` });
      await accept(ann, q.id, answer.id);
      await react(ann, answer.id);
      bens.push(answer.id);
    }
    // Ben asks twice, Ann answers, Ben accepts and reacts: the ring is closed.
    for (const n of [1, 2]) {
      const q = await startThread(ben, open, { kind: 'question', title: `Ben's Kafka question ${n}`, tags: ['kafka'] });
      const answer = await reply(ann, q.id, { body: `Ann's answer ${n}` });
      await accept(ben, q.id, answer.id);
      await react(ben, answer.id);
    }
    // Cy reacts to one of Ben's answers, and Dee accepts Ben's answer to her own question: Ben
    // never vouched for either, so both count in full.
    await react(cy, bens[0] as string);
    const deesQuestion = await startThread(dee, open, { kind: 'question', title: 'Dee asks about Kafka', tags: ['kafka'] });
    const forDee = await reply(ben, deesQuestion.id, { body: 'Ben helps Dee' });
    await accept(dee, deesQuestion.id, forDee.id);

    // Ben: Dee's accepted answer (5) + Ann's one (5) + two answers Ann accepted again (2 × 2) + Cy's reaction (1).
    // Ann: Ben's one accepted answer (5) + one more answer (2); Ben's reactions are spent.
    const expected = [
      ['Ben', 15, { acceptedAnswers: 2, answers: 2, reactions: 1, talks: 0, pages: 0 }],
      ['Ann', 7, { acceptedAnswers: 1, answers: 1, reactions: 0, talks: 0, pages: 0 }],
    ];
    expect(await helpers(outsider, 'kafka')).toEqual(expected);

    const profile = (await outsider.request('GET', `/api/v1/people/${ben.id}/expertise`)).json();
    const kafka = profile.derived.find((d: { topic: string }) => d.topic === 'kafka');
    expect(kafka).toMatchObject({ score: 15, counts: expected[0]?.[2] });
  });

  it('decides reciprocity only from what the viewer may read, so a private community shows through nowhere', async () => {
    const secret = (await createCommunity(fran, { name: 'Secret streaming', visibility: 'private' })).slug;
    for (const c of [ann, ben]) await bringIn(fran, c, secret);
    // In the open community Ann reacts to two of Ben's posts; Ben vouches back only in secret.
    const thread = await startThread(fran, open, { title: 'Kafka tips', tags: ['kafka'] });
    for (const n of [1, 2]) await react(ann, (await reply(ben, thread.id, { body: `Tip ${n}` })).id);
    const hidden = await startThread(fran, secret, { title: 'Secret tips' });
    await react(ben, (await reply(ann, hidden.id, { body: 'Secret tip' })).id);

    // Outside the secret, Ann's reactions are not reciprocated as far as anyone can tell: both count.
    const forOutsider = await outsider.request('GET', `/api/v1/people/${ben.id}/expertise`);
    expect(forOutsider.json().derived.find((d: { topic: string }) => d.topic === 'kafka').counts.reactions).toBe(2);
    expect(forOutsider.body).not.toContain('Secret');
    // A member of the secret sees the ring, and Ann's reactions to Ben count once.
    const forMember = (await fran.request('GET', `/api/v1/people/${ben.id}/expertise`)).json();
    expect(forMember.derived.find((d: { topic: string }) => d.topic === 'kafka').counts.reactions).toBe(1);
  });
});

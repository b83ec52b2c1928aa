import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import type { PublishedEvent } from '../../platform/realtime/bus.ts';
import { bringIn, join, reply, startThread } from '../conversations/test-helpers.ts';

let t: TestApp;
let asker: Client;
let alice: Client;
let bob: Client;
let carol: Client;
let dan: Client;
let eve: Client;
let outsider: Client;
let open: string;
let secret: string;

const accept = async (client: Client, threadId: string, postId: string) => {
  const res = await client.request('POST', `/api/v1/threads/${threadId}/accept`, { postId });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.body}`);
};
const react = async (client: Client, postId: string) => {
  const res = await client.request('PUT', `/api/v1/posts/${postId}/reactions/+1`);
  if (res.statusCode !== 200) throw new Error(`react failed: ${res.body}`);
};
const names = (res: { json: () => { items: { person: { name: string } }[] } }) => res.json().items.map((h) => h.person.name);

/**
 * Fixed data with a known order for "who can help with prometheus":
 * Alice 5 (accepted answer) > Carol 4 (answer + two reactions from others) > Dan 3 (declared
 * level 3 only: his own answer to his own question counts for nothing, and neither accepting it
 * nor reacting to it is allowed) > Bob 2 (an answer). Eve answered anonymously and was accepted: she is nowhere.
 */
beforeEach(async () => {
  t = await createTestApp();
  await signUp(t.app, 'Admin'); // the first account is the org admin: keep it out of the rankings
  asker = await signUp(t.app, 'Asker');
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  carol = await signUp(t.app, 'Carol');
  dan = await signUp(t.app, 'Dan');
  eve = await signUp(t.app, 'Eve');
  outsider = await signUp(t.app, 'Outsider');
  open = (await createCommunity(asker, { name: 'Observability' })).slug;
  for (const c of [alice, bob, carol, dan, eve]) await join(c, open);

  const q1 = await startThread(asker, open, { kind: 'question', title: 'Why do my alerts flap?', tags: ['prometheus'] });
  const aliceAnswer = await reply(alice, q1.id, { body: 'Use a `for:` clause.' });
  await reply(bob, q1.id, { body: 'Raise the threshold.' });
  const carolAnswer = await reply(carol, q1.id, { body: 'Look at the scrape interval.' });
  await accept(asker, q1.id, aliceAnswer.id);
  await react(asker, carolAnswer.id);
  await react(bob, carolAnswer.id);
  // Reacting to one's own post is refused, so it can never count.
  expect((await carol.request('PUT', `/api/v1/posts/${carolAnswer.id}/reactions/+1`)).json().code).toBe('reaction.own_post');

  const q2 = await startThread(dan, open, { kind: 'question', title: 'Recording rules?', tags: ['prometheus'] });
  const danAnswer = await reply(dan, q2.id, { body: 'Answering myself.' });
  // Accepting one's own answer is refused too: Dan's answer to himself counts for nothing.
  expect((await dan.request('POST', `/api/v1/threads/${q2.id}/accept`, { postId: danAnswer.id })).json().code).toBe('thread.own_answer');
  await dan.request('PUT', '/api/v1/me/skills', { skills: [{ skill: 'Prometheus', level: 3 }] });

  const q3 = await startThread(asker, open, { kind: 'question', title: 'Long-term storage?', tags: ['prometheus'] });
  const eveAnswer = await reply(eve, q3.id, { body: 'Thanos.', anonymous: true });
  await accept(asker, q3.id, eveAnswer.id);
  await react(asker, eveAnswer.id);

  secret = (await createCommunity(asker, { name: 'Secret storage', visibility: 'private' })).slug;
  await bringIn(asker, alice, secret);
  const q4 = await startThread(asker, secret, { kind: 'question', title: 'Secret retention question', tags: ['prometheus'] });
  const secretAnswer = await reply(alice, q4.id, { body: 'Secret answer.' });
  await accept(asker, q4.id, secretAnswer.id);
});
afterEach(() => t.close());

describe('who can help with a topic', () => {
  it('ranks people by evidence in a known order, never counting self-endorsement or anonymous posts', async () => {
    const res = await outsider.request('GET', '/api/v1/people/expertise?topic=Prometheus');
    expect(res.statusCode, res.body).toBe(200);
    expect(names(res)).toEqual(['Alice', 'Carol', 'Dan', 'Bob']);
    const [a, c, d, b] = res.json().items;
    expect([a.score, c.score, d.score, b.score]).toEqual([5, 4, 3, 2]);
    expect(a.evidence).toMatchObject([{ kind: 'accepted-answer', title: 'Why do my alerts flap?', community: { slug: open } }]);
    expect(c.counts).toEqual({ acceptedAnswers: 0, answers: 1, reactions: 2, talks: 0, pages: 0 });
    expect(d).toMatchObject({ declaredLevel: 3, counts: { acceptedAnswers: 0, answers: 0, reactions: 0 }, evidence: [] });
    expect(res.body).not.toContain(eve.id);
    expect(res.body).not.toContain('Secret');

    // A member of the private community sees Alice's evidence there too.
    const member = await asker.request('GET', '/api/v1/people/expertise?topic=prometheus');
    expect(member.json().items[0]).toMatchObject({ person: { name: 'Alice' }, score: 10 });
    expect((await outsider.request('GET', '/api/v1/people/expertise?topic=%20')).statusCode).toBe(400);
  });

  it('keeps private-community activity off profiles for non-members, and anonymous posts off every skill', async () => {
    const forOutsider = (await outsider.request('GET', `/api/v1/people/${alice.id}`)).json();
    expect(forOutsider).toMatchObject({ acceptedAnswers: 1, communities: [{ slug: open, role: 'member' }] });
    const expertise = await outsider.request('GET', `/api/v1/people/${alice.id}/expertise`);
    expect(expertise.json().derived.map((d: { topic: string }) => d.topic)).toEqual(['Observability', 'prometheus']);
    expect(expertise.body).not.toContain('Secret');

    const forMember = (await asker.request('GET', `/api/v1/people/${alice.id}`)).json();
    expect(forMember.acceptedAnswers).toBe(2);
    expect(forMember.communities.map((c: { slug: string }) => c.slug).sort()).toEqual([open, secret].sort());

    const anonymousAuthor = await asker.request('GET', `/api/v1/people/${eve.id}/expertise`);
    expect(anonymousAuthor.json()).toEqual({ declared: [], derived: [] });
    expect((await asker.request('GET', `/api/v1/people/${eve.id}`)).json().acceptedAnswers).toBe(0);

    const dans = (await outsider.request('GET', `/api/v1/people/${dan.id}`)).json();
    expect(dans).toMatchObject({ acceptedAnswers: 0, skillLevels: [{ skill: 'Prometheus', level: 3 }], skills: ['Prometheus'] });
    // Editing the skill list keeps the level of skills that stay.
    await dan.request('PATCH', '/api/v1/me', { skills: ['Prometheus', 'Grafana'] });
    expect((await outsider.request('GET', `/api/v1/people/${dan.id}`)).json().skillLevels).toEqual([
      { skill: 'Prometheus', level: 3 },
      { skill: 'Grafana', level: 1 },
    ]);
    expect((await dan.request('PUT', '/api/v1/me/skills', { skills: [{ skill: 'Go', level: 4 }] })).statusCode).toBe(400);
  });
});

describe('invite to answer', () => {
  it('suggests matching people who can read the question and notifies those invited, only them', async () => {
    const question = await startThread(asker, open, { kind: 'question', title: 'Alert on absent series?', tags: ['prometheus'] });
    const suggested = await asker.request('GET', `/api/v1/threads/${question.id}/suggested-helpers`);
    expect(names(suggested)).toEqual(['Alice', 'Carol', 'Dan', 'Bob']);

    const events: PublishedEvent[] = [];
    const stop = t.app.bus.subscribe((e) => events.push(e));
    const res = await asker.request('POST', `/api/v1/threads/${question.id}/invitations`, { personIds: [alice.id, carol.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().invited).toEqual([alice.id, carol.id]);
    await new Promise((r) => setTimeout(r, 50));
    stop();
    const invitations = events.filter((e) => e.type === 'thread.invited_to_answer');
    expect(invitations.map((e) => e.audience)).toEqual([[alice.id], [carol.id]]);
    expect(invitations[0]?.data).toEqual({ threadId: question.id, invitedBy: asker.id });

    const home = (await alice.request('GET', '/api/v1/me/home')).json();
    // Dan could not accept his own answer, so his question is still open, after the invitation.
    expect(home.questionsToAnswer).toMatchObject([
      { threadId: question.id, invited: true },
      { title: 'Recording rules?', invited: false },
    ]);

    const privateQuestion = await startThread(asker, secret, { kind: 'question', title: 'Secret?', tags: ['prometheus'] });
    const refused = await asker.request('POST', `/api/v1/threads/${privateQuestion.id}/invitations`, { personIds: [bob.id] });
    expect(refused.json().code).toBe('invitation.cannot_read');
    const discussion = await startThread(asker, open, { title: 'Just chatting' });
    const notQuestion = await asker.request('POST', `/api/v1/threads/${discussion.id}/invitations`, { personIds: [bob.id] });
    expect(notQuestion.json().code).toBe('invitation.not_a_question');
    expect((await outsider.request('POST', `/api/v1/threads/${question.id}/invitations`, { personIds: [bob.id] })).statusCode).toBe(403);
  });
});

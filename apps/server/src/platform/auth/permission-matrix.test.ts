import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectUnderTest, type TestApp } from '../../../test/harness.ts';
import { ACTORS, type ActorName, type Actors, type Expectation, insertCommunity, setUpActors } from '../../../test/permission-actors.ts';
import { newId } from '../ids.ts';

/**
 * Every route × every kind of actor, against an open and a private community. A cell
 * expects a status; "hidden" cells additionally prove the response gives nothing away.
 */
type Visibility = 'open' | 'private';

let t: TestApp;
let ids: Actors['ids'];
let send: Actors['send'];

beforeAll(async () => {
  t = await createTestApp();
  ({ ids, send } = await setUpActors(t));
});
afterAll(() => t.close());

/** A fresh community per cell, so writes in one cell cannot change another's outcome. */
const freshCommunity = (visibility: Visibility) => insertCommunity(t, ids, visibility);

/**
 * A question and a challenge, both asked by the bystander, with the bystander's answer and a
 * reply by the member, written straight to the tables; and an open community to move into.
 */
async function freshConversation(visibility: Visibility) {
  const community = await freshCommunity(visibility);
  const target = await freshCommunity('open');
  const { db } = t.database;
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const title = `Secret question ${community.slug}`;
  const [threadId, challengeId, question, answer, membersReply, challenge] = Array.from({ length: 6 }, newId) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const thread = (id: string, kind: 'question' | 'challenge', firstPostId: string, postCount: number) => ({
    id,
    community_id: community.id,
    kind,
    title,
    tags: '[]',
    state: kind === 'question' ? ('unanswered' as const) : ('open' as const),
    author_id: ids.bystander,
    anonymous: 0,
    pinned: 0,
    locked: 0,
    first_post_id: firstPostId,
    accepted_post_id: null,
    post_count: postCount,
    last_activity_at: at(3),
    first_answer_at: null,
    accepted_at: null,
    created_at: at(0),
    updated_at: at(0),
  });
  await db
    .insertInto('thread')
    .values([thread(threadId, 'question', question, 3), thread(challengeId, 'challenge', challenge, 2)])
    .execute();
  const post = (id: string, inThread: string, seq: number, authorId: string) => ({
    id,
    thread_id: inThread,
    seq,
    author_id: authorId,
    anonymous: 0,
    body: `Secret body ${community.slug}`,
    body_html: `<p>Secret body ${community.slug}</p>`,
    quoted_post_id: null,
    version: 1,
    created_at: at(seq),
    edited_at: null,
    deleted_at: null,
    hidden_at: null,
  });
  await db
    .insertInto('post')
    .values([
      post(question, threadId, 1, ids.bystander),
      post(answer, threadId, 2, ids.bystander),
      post(membersReply, threadId, 3, ids.member),
      post(challenge, challengeId, 1, ids.bystander),
      post(newId(), challengeId, 2, ids.bystander),
    ])
    .execute();
  // Every post mentions everyone, so "my mentions" can be checked for each actor.
  const everyone = [ids.nonMember, ids.member, ids.core, ids.facilitator, ids.admin];
  await db
    .insertInto('post_mention')
    .values(everyone.map((person_id) => ({ post_id: answer, person_id, created_at: at(2) })))
    .execute();
  return { ...community, title, threadId, challengeId, answer, membersReply, target: target.slug };
}

type Route<C = { slug: string }> = {
  name: string;
  request: (c: C) => { method: string; url: string; payload?: object };
  open: Expectation;
  private: Expectation;
  /** The code a hidden cell answers with: what was addressed does not exist, as far as the actor can tell. */
  hiddenCode?: 'community.not_found' | 'thread.not_found' | 'post.not_found';
};

/** Shorthand: the same expectation for both visibilities, except where the override says. */
const both = (e: Expectation, privateOverride: Partial<Expectation> = {}) => ({ open: e, private: { ...e, ...privateOverride } });
const nonMemberHidden = { nonMember: 'hidden' } as const;

const COMMUNITY_ROUTES: Route[] = [
  {
    name: 'GET community',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}` }),
    ...both({ anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'PATCH community',
    request: ({ slug }) => ({ method: 'PATCH', url: `/api/v1/communities/${slug}`, payload: { version: 1, name: 'Renamed' } }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'GET members',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/members` }),
    ...both({ anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'GET join requests',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/members?status=requested` }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'POST join',
    request: ({ slug }) => ({ method: 'POST', url: `/api/v1/communities/${slug}/members`, payload: {} }),
    // Asking to join a private community answers 202 whether or not it exists.
    ...both(
      { anonymous: 401, nonMember: 200, member: 409, core: 409, facilitator: 409, admin: 200, token: 409 },
      { nonMember: 202, admin: 202 },
    ),
  },
  {
    name: 'POST invite',
    request: ({ slug }) => ({ method: 'POST', url: `/api/v1/communities/${slug}/members`, payload: { personId: ids.outsider } }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 201, admin: 201, token: 201 }, nonMemberHidden),
  },
  {
    name: 'PATCH member role',
    request: ({ slug }) => ({ method: 'PATCH', url: `/api/v1/communities/${slug}/members/${ids.bystander}`, payload: { role: 'core' } }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 200, admin: 200, token: 200 }, nonMemberHidden),
  },
  {
    name: 'DELETE member',
    request: ({ slug }) => ({ method: 'DELETE', url: `/api/v1/communities/${slug}/members/${ids.bystander}` }),
    ...both({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 204, admin: 204, token: 204 }, nonMemberHidden),
  },
];

type Conversation = Awaited<ReturnType<typeof freshConversation>>;

const readers = { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 } as const;
// Taking part needs membership: admins see every community but join it to take part.
const participants = (ok: number) => ({ anonymous: 401, nonMember: 403, member: ok, core: ok, facilitator: ok, admin: 403, token: ok });
const moderators = (ok: number) => ({ anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: ok, admin: ok, token: ok });
// The member wrote the post; nobody else may change it, facilitators and admins included.
const theAuthor = (ok: number) => ({ anonymous: 401, nonMember: 403, member: ok, core: 403, facilitator: 403, admin: 403, token: 403 });
const thread = (name: string, request: Route<Conversation>['request'], e: Expectation): Route<Conversation> => ({
  name,
  request,
  ...both(e, nonMemberHidden),
  hiddenCode: 'thread.not_found',
});
const post = (name: string, request: Route<Conversation>['request'], e: Expectation): Route<Conversation> => ({
  name,
  request,
  ...both(e, nonMemberHidden),
  hiddenCode: 'post.not_found',
});

const CONVERSATION_ROUTES: Route<Conversation>[] = [
  {
    name: 'GET community threads',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/threads?community=${slug}` }),
    ...both(readers, nonMemberHidden),
  },
  {
    name: 'POST thread',
    request: ({ slug }) => ({
      method: 'POST',
      url: `/api/v1/communities/${slug}/threads`,
      payload: { kind: 'question', title: 'Q', body: 'B' },
    }),
    ...both(participants(201), nonMemberHidden),
  },
  {
    name: 'GET flag queue',
    request: ({ slug }) => ({ method: 'GET', url: `/api/v1/communities/${slug}/flags` }),
    ...both(moderators(200), nonMemberHidden),
  },
  thread('GET thread', (c) => ({ method: 'GET', url: `/api/v1/threads/${c.threadId}` }), readers),
  thread(
    'PATCH thread',
    (c) => ({ method: 'PATCH', url: `/api/v1/threads/${c.threadId}`, payload: { title: 'Renamed' } }),
    moderators(200),
  ),
  thread('GET posts', (c) => ({ method: 'GET', url: `/api/v1/threads/${c.threadId}/posts` }), readers),
  thread(
    'POST reply',
    (c) => ({ method: 'POST', url: `/api/v1/threads/${c.threadId}/posts`, payload: { body: 'Me too' } }),
    participants(201),
  ),
  thread('POST read', (c) => ({ method: 'POST', url: `/api/v1/threads/${c.threadId}/read`, payload: { postId: c.answer } }), readers),
  thread(
    'POST accept',
    (c) => ({ method: 'POST', url: `/api/v1/threads/${c.threadId}/accept`, payload: { postId: c.answer } }),
    moderators(200),
  ),
  thread('DELETE accept', (c) => ({ method: 'DELETE', url: `/api/v1/threads/${c.threadId}/accept` }), moderators(200)),
  thread(
    'POST challenge state',
    (c) => ({ method: 'POST', url: `/api/v1/threads/${c.challengeId}/state`, payload: { state: 'being-worked' } }),
    moderators(200),
  ),
  thread(
    'PATCH thread moderation',
    (c) => ({ method: 'PATCH', url: `/api/v1/threads/${c.threadId}/moderation`, payload: { locked: true, pinned: true } }),
    moderators(200),
  ),
  thread(
    'POST move',
    (c) => ({ method: 'POST', url: `/api/v1/threads/${c.threadId}/move`, payload: { community: c.target } }),
    moderators(200),
  ),
  post('GET post', (c) => ({ method: 'GET', url: `/api/v1/posts/${c.answer}` }), readers),
  post(
    'PATCH post',
    (c) => ({ method: 'PATCH', url: `/api/v1/posts/${c.membersReply}`, payload: { body: 'Edited', version: 1 } }),
    theAuthor(200),
  ),
  post('DELETE post', (c) => ({ method: 'DELETE', url: `/api/v1/posts/${c.membersReply}` }), theAuthor(204)),
  post('GET revisions', (c) => ({ method: 'GET', url: `/api/v1/posts/${c.answer}/revisions` }), readers),
  post('PUT reaction', (c) => ({ method: 'PUT', url: `/api/v1/posts/${c.answer}/reactions/tada` }), participants(200)),
  post('DELETE reaction', (c) => ({ method: 'DELETE', url: `/api/v1/posts/${c.answer}/reactions/tada` }), participants(200)),
  // Anyone who can read a post may flag it.
  post('POST flag', (c) => ({ method: 'POST', url: `/api/v1/posts/${c.answer}/flags`, payload: { reason: 'Off topic' } }), {
    anonymous: 401,
    nonMember: 201,
    member: 201,
    core: 201,
    facilitator: 201,
    admin: 201,
    token: 201,
  }),
  post('DELETE flags', (c) => ({ method: 'DELETE', url: `/api/v1/posts/${c.answer}/flags` }), moderators(204)),
  post('POST hide', (c) => ({ method: 'POST', url: `/api/v1/posts/${c.answer}/hide`, payload: {} }), moderators(200)),
  post('POST restore', (c) => ({ method: 'POST', url: `/api/v1/posts/${c.answer}/restore` }), moderators(200)),
];

describe(`permission matrix on ${dialectUnderTest}`, () => {
  const check = <C extends { id: string; name: string }>(route: Route<C>, visibility: Visibility, actor: ActorName, fixture: C) =>
    send(actor, route.request(fixture)).then((res) => {
      const expected = route[visibility][actor];
      if (expected === 'hidden') {
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe(route.hiddenCode ?? 'community.not_found');
        expect(res.body).not.toContain(fixture.id);
        expect(res.body).not.toContain(fixture.name);
      } else {
        expect(res.statusCode, res.body).toBe(expected);
      }
      if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      return res;
    });

  for (const visibility of ['open', 'private'] as const) {
    for (const route of COMMUNITY_ROUTES) {
      it.each(ACTORS)(`${visibility} community · ${route.name} · %s`, async (actor) => {
        await check(route, visibility, actor, await freshCommunity(visibility));
      });
    }
    for (const route of CONVERSATION_ROUTES) {
      it.each(ACTORS)(`${visibility} community · ${route.name} · %s`, async (actor) => {
        const conversation = await freshConversation(visibility);
        const res = await check(route, visibility, actor, conversation);
        if (route[visibility][actor] === 'hidden') expect(res.body).not.toContain(conversation.title);
      });
    }
  }

  it.each(ACTORS)('threads and mentions of a private community reach only those who may see it · %s', async (actor) => {
    const conversation = await freshConversation('private');
    const threads = await send(actor, { method: 'GET', url: '/api/v1/threads?limit=100' });
    const mentions = await send(actor, { method: 'GET', url: '/api/v1/me/mentions?limit=100' });
    if (actor === 'anonymous') {
      expect([threads.statusCode, mentions.statusCode]).toEqual([401, 401]);
      return;
    }
    const mayRead = actor !== 'nonMember';
    expect(threads.statusCode).toBe(200);
    expect(threads.body.includes(conversation.threadId)).toBe(mayRead);
    expect(threads.body.includes(conversation.title)).toBe(mayRead);
    expect(mentions.statusCode).toBe(200);
    expect(mentions.body.includes(conversation.answer)).toBe(mayRead);
    expect(mentions.body.includes(conversation.slug)).toBe(mayRead);
  });

  it('a failed write leaves the community as it was', async () => {
    const community = await freshCommunity('private');
    await send('member', { method: 'PATCH', url: `/api/v1/communities/${community.slug}`, payload: { version: 1, name: 'Hijacked' } });
    await send('nonMember', { method: 'DELETE', url: `/api/v1/communities/${community.slug}/members/${ids.bystander}` });
    const row = await t.database.db
      .selectFrom('community')
      .select(['name', 'version'])
      .where('id', '=', community.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: community.name, version: 1 });
    const members = await t.database.db.selectFrom('membership').select('person_id').where('community_id', '=', community.id).execute();
    expect(members).toHaveLength(4);
  });

  it.each(ACTORS)('the directory shows a private community only to those who may see it · %s', async (actor) => {
    const community = await freshCommunity('private');
    const res = await send(actor, { method: 'GET', url: `/api/v1/communities?q=${community.slug}` });
    if (actor === 'anonymous') {
      expect(res.statusCode).toBe(401);
      return;
    }
    const mayRead = actor !== 'nonMember';
    expect(res.statusCode).toBe(200);
    expect(res.body.includes(community.id)).toBe(mayRead);
    expect(res.body.includes(community.name)).toBe(mayRead);
  });

  const ORG_ROUTES: { name: string; request: () => { method: string; url: string; payload?: object }; expect: Expectation }[] = [
    {
      name: 'GET communities',
      request: () => ({ method: 'GET', url: '/api/v1/communities' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'POST communities',
      request: () => ({
        method: 'POST',
        url: '/api/v1/communities',
        payload: {
          name: 'New one',
          slug: `n-${newId().slice(-12)}`,
          domain: 'Something worth learning together.',
          category: 'recurring-struggle',
          cadence: 'weekly',
        },
      }),
      expect: { anonymous: 401, nonMember: 201, member: 201, core: 201, facilitator: 201, admin: 201, token: 201 },
    },
    {
      name: 'GET teams',
      request: () => ({ method: 'GET', url: '/api/v1/teams' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'POST teams',
      request: () => ({ method: 'POST', url: '/api/v1/teams', payload: { name: `Team ${newId()}` } }),
      expect: { anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 403, admin: 201, token: 403 },
    },
    {
      name: 'GET session',
      request: () => ({ method: 'GET', url: '/api/v1/auth/session' }),
      expect: { anonymous: 200, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'GET me',
      request: () => ({ method: 'GET', url: '/api/v1/me' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'PATCH me',
      request: () => ({ method: 'PATCH', url: '/api/v1/me', payload: { title: 'Engineer' } }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'GET person',
      request: () => ({ method: 'GET', url: `/api/v1/people/${ids.member}` }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'GET tokens',
      request: () => ({ method: 'GET', url: '/api/v1/me/tokens' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 403 },
    },
    {
      name: 'POST tokens',
      request: () => ({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'another' } }),
      expect: { anonymous: 401, nonMember: 201, member: 201, core: 201, facilitator: 201, admin: 201, token: 403 },
    },
    {
      name: 'GET threads everywhere',
      request: () => ({ method: 'GET', url: '/api/v1/threads' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'GET my mentions',
      request: () => ({ method: 'GET', url: '/api/v1/me/mentions' }),
      expect: { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 },
    },
    {
      name: 'GET audit log',
      request: () => ({ method: 'GET', url: '/api/v1/audit' }),
      expect: { anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 403, admin: 200, token: 403 },
    },
    {
      name: 'GET invites',
      request: () => ({ method: 'GET', url: '/api/v1/invites' }),
      expect: { anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 403, admin: 200, token: 403 },
    },
    {
      name: 'POST invites',
      request: () => ({ method: 'POST', url: '/api/v1/invites', payload: {} }),
      expect: { anonymous: 401, nonMember: 403, member: 403, core: 403, facilitator: 403, admin: 201, token: 403 },
    },
  ];

  for (const route of ORG_ROUTES) {
    it.each(ACTORS)(`org · ${route.name} · %s`, async (actor) => {
      const res = await send(actor, route.request());
      expect(res.statusCode, res.body).toBe(route.expect[actor]);
    });
  }
});

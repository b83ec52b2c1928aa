import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { SseTestClient } from './sse-test-client.ts';

/**
 * SSE needs a real connection (inject waits for a response to end, and a stream never does),
 * so these tests listen on a port and read the stream with fetch.
 */
let t: TestApp;
let baseUrl: string;
let fran: Client;
let mo: Client;
const streams: SseTestClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await signUp(t.app, 'Org Admin'); // the first account is the admin, who sees every community
  fran = await signUp(t.app, 'Fran');
  mo = await signUp(t.app, 'Mo');
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await Promise.all(streams.splice(0).map((s) => s.close()));
});
afterAll(() => t.close());

async function streamOf(client: Client) {
  const stream = new SseTestClient(`${baseUrl}/api/v1/stream`, { cookie: client.cookie });
  streams.push(stream);
  await stream.ready;
  return stream;
}

const ofType = (type: string) => (e: { event: string }) => e.event === type;

describe(`GET /api/v1/stream (${dialectUnderTest})`, () => {
  it('answers anonymous callers with a 401 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/stream' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('auth.required');
  });

  it('opens an unbuffered event stream with the security headers', async () => {
    const stream = await streamOf(fran);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(stream.headers.get('content-encoding')).toBeNull();
    expect(stream.retry).toBe(3000);
  });

  it("delivers an event of a member's community, framed with type, data and id", async () => {
    const community = await createCommunity(fran, { visibility: 'private' });
    const stream = await streamOf(fran);
    await t.app.bus.publish({ type: 'post.created', communityId: community.id, data: { postId: 'p1', threadId: 't1' } });
    const event = await stream.next(ofType('post.created'));
    expect(JSON.parse(event.data)).toEqual({ postId: 'p1', threadId: 't1' });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never delivers a private community's events to a non-member", async () => {
    const secret = await createCommunity(fran, { visibility: 'private' });
    const open = await createCommunity(fran);
    const stream = await streamOf(mo);
    await t.app.bus.publish({ type: 'post.created', communityId: secret.id, data: { postId: 'secret' } });
    await t.app.bus.publish({ type: 'post.created', communityId: open.id, data: { postId: 'open' } });
    await t.app.bus.publish({ type: 'post.created', communityId: 'no-such-community', data: { postId: 'ghost' } });
    await t.app.bus.publish({ type: 'org.announcement', communityId: null, data: {} });
    // Events are checked in order, so once the last has arrived the others have been decided.
    await stream.next(ofType('org.announcement'));
    expect(stream.events.map((e) => JSON.parse(e.data).postId ?? e.event)).toEqual(['open', 'org.announcement']);
  });

  it('delivers an event with an audience to those people only', async () => {
    const community = await createCommunity(fran);
    const franStream = await streamOf(fran);
    const moStream = await streamOf(mo);
    await t.app.bus.publish({ type: 'post.authored', communityId: community.id, audience: [fran.id], data: { postId: 'anon' } });
    await t.app.bus.publish({ type: 'note', communityId: null, audience: [mo.id], data: { for: 'mo' } });
    await t.app.bus.publish({ type: 'done', communityId: null, data: {} });
    await franStream.next(ofType('done'));
    await moStream.next(ofType('done'));
    expect(franStream.events.map((e) => e.event)).toEqual(['post.authored', 'done']);
    expect(moStream.events.map((e) => e.event)).toEqual(['note', 'done']);
  });

  it('announces membership changes made through the API', async () => {
    const community = await createCommunity(fran);
    const stream = await streamOf(fran);
    expect((await mo.request('POST', `/api/v1/communities/${community.slug}/members`, {})).statusCode).toBe(200);
    const event = await stream.next(ofType('membership.changed'));
    expect(JSON.parse(event.data)).toEqual({ communityId: community.id, personId: mo.id, status: 'active', role: 'member' });
  });

  it('applies a change to the reader’s own membership at once, not after the cache expires', async () => {
    const secret = await createCommunity(fran, { visibility: 'private' });
    const stream = await streamOf(mo);
    const ping = async (label: string) => {
      await t.app.bus.publish({ type: 'post.created', communityId: secret.id, data: { label } });
      await t.app.bus.publish({ type: 'marker', communityId: null, data: { label } });
      await stream.next((e) => e.event === 'marker' && JSON.parse(e.data).label === label);
    };
    const seen = () => stream.events.filter((e) => e.event === 'post.created').map((e) => JSON.parse(e.data).label);

    await ping('before'); // caches "no access"
    expect((await fran.request('POST', `/api/v1/communities/${secret.slug}/members`, { personId: mo.id })).statusCode).toBe(201);
    const invited = await stream.next(ofType('membership.changed'));
    expect(JSON.parse(invited.data)).toMatchObject({ personId: mo.id, status: 'invited' });
    await ping('invited');
    expect((await mo.request('POST', `/api/v1/communities/${secret.slug}/members`, {})).statusCode).toBe(200);
    await ping('member');
    expect((await fran.request('DELETE', `/api/v1/communities/${secret.slug}/members/${mo.id}`)).statusCode).toBe(204);
    await ping('removed');
    expect(seen()).toEqual(['invited', 'member']);
  });

  it('keeps a pending invitation between the invitee and who invited', async () => {
    const community = await createCommunity(fran, { visibility: 'private' });
    const ann = await signUp(t.app, 'Ann');
    await fran.request('POST', `/api/v1/communities/${community.slug}/members`, { personId: mo.id });
    await mo.request('POST', `/api/v1/communities/${community.slug}/members`, {});
    const moStream = await streamOf(mo);
    const franStream = await streamOf(fran);
    await fran.request('POST', `/api/v1/communities/${community.slug}/members`, { personId: ann.id });
    await t.app.bus.publish({ type: 'done', communityId: null, data: {} });
    const aboutAnn = (e: { event: string; data: string }) => e.event === 'membership.changed' && JSON.parse(e.data).personId === ann.id;
    await franStream.next(aboutAnn);
    await moStream.next(ofType('done'));
    // Mo's own join may still be arriving through NOTIFY; what matters is that Ann's invitation does not.
    expect(moStream.events.filter(aboutAnn)).toEqual([]);
  });

  it('ends open streams when the app closes, instead of hanging', async () => {
    const other = await createTestApp();
    try {
      const person = await signUp(other.app, 'Closer');
      const url = await other.app.listen({ host: '127.0.0.1', port: 0 });
      const stream = new SseTestClient(`${url}/api/v1/stream`, { cookie: person.cookie });
      await stream.ready;
      await other.app.close();
      await stream.closed;
    } finally {
      await other.close();
    }
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { SseTestClient } from './sse-test-client.ts';

/**
 * Two real server processes on one PostgreSQL database: a write through A (a membership
 * change, a reply) must reach a browser connected to B within a second, and B must still
 * keep a private community's events from a non-member's stream. Only PostgreSQL can do this (SQLite's bus is
 * in-process by design), so without TEST_POSTGRES_URL there is nothing to test.
 */
const adminUrl = process.env.TEST_POSTGRES_URL;
const REPO_ROOT = resolve(import.meta.dirname, '../../../../..');

if (!adminUrl) {
  it.skip('needs PostgreSQL (set TEST_POSTGRES_URL): two processes meet only through LISTEN/NOTIFY', () => {});
} else {
  describe('two server processes on one PostgreSQL database', () => {
    const dbName = `gh_test_${randomBytes(6).toString('hex')}`;
    const servers: { name: string; child: ChildProcess; url: string; output: string[] }[] = [];
    const streams: SseTestClient[] = [];

    async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return await run(client);
      } finally {
        await client.end();
      }
    }

    async function freePort(): Promise<number> {
      const server = createServer().listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as { port: number };
      server.close();
      return port;
    }

    async function startServer(name: string, databaseUrl: string, port: number) {
      const output: string[] = [];
      const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          WEB_DIST: '/nonexistent',
          AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk) => output.push(String(chunk)));
      child.stderr?.on('data', (chunk) => output.push(String(chunk)));
      const server = { name, child, url: `http://127.0.0.1:${port}`, output };
      servers.push(server);
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`server ${name} exited (${child.exitCode}):\n${output.join('')}`);
        if (Date.now() > deadline) throw new Error(`server ${name} did not become ready:\n${output.join('')}`);
        const ready = await fetch(`${server.url}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) return server;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    async function signUp(baseUrl: string, name: string) {
      const email = `${name.toLowerCase()}.${randomBytes(3).toString('hex')}@example.com`;
      const res = await fetch(`${baseUrl}/api/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'a long enough password', name }),
      });
      if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gh_session='));
      if (!cookie) throw new Error('no session cookie');
      return { id: ((await res.json()) as { id: string }).id, cookie: cookie.split(';')[0] as string };
    }

    async function call(baseUrl: string, cookie: string, method: string, path: string, body?: unknown) {
      return fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    }

    let a: Awaited<ReturnType<typeof startServer>>;
    let b: Awaited<ReturnType<typeof startServer>>;

    beforeAll(async () => {
      await admin((c) => c.query(`create database ${dbName}`));
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      const database = openDatabase(url.toString());
      await migrateToLatest(database);
      await database.close();
      const [portA, portB] = [await freePort(), await freePort()];
      [a, b] = await Promise.all([startServer('A', url.toString(), portA), startServer('B', url.toString(), portB as number)]);
    }, 60_000);

    afterAll(async () => {
      await Promise.all(streams.map((s) => s.close()));
      await Promise.all(
        servers.map(async ({ child }) => {
          if (child.exitCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        }),
      );
      await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
    }, 30_000);

    it('delivers a write made through A to an SSE client of B within a second', async () => {
      const fran = await signUp(a.url, 'Fran');
      const mo = await signUp(a.url, 'Mo');
      const created = await call(a.url, fran.cookie, 'POST', '/api/v1/communities', {
        name: 'Two Process Guild',
        slug: `two-${randomBytes(3).toString('hex')}`,
        domain: 'Proving that instances hear each other.',
        category: 'new-technology',
        cadence: 'monthly',
      });
      expect(created.status).toBe(201);
      const community = (await created.json()) as { id: string; slug: string };

      const onB = new SseTestClient(`${b.url}/api/v1/stream`, { cookie: fran.cookie });
      const onA = new SseTestClient(`${a.url}/api/v1/stream`, { cookie: fran.cookie });
      streams.push(onB, onA);
      await Promise.all([onB.ready, onA.ready]);
      expect(onB.status).toBe(200);

      // Join, leave, join again: three writes through A, each a membership.changed event.
      const writes: [string, string, unknown?][] = [
        ['POST', `/api/v1/communities/${community.slug}/members`, {}],
        ['DELETE', `/api/v1/communities/${community.slug}/members/${mo.id}`],
        ['POST', `/api/v1/communities/${community.slug}/members`, {}],
      ];
      const latencies: number[] = [];
      for (const [index, [method, path, body]] of writes.entries()) {
        const sent = performance.now();
        const res = await call(a.url, mo.cookie, method, path, body);
        expect(res.status, await res.text()).toBeLessThan(300);
        const nth = (e: { event: string }) => e.event === 'membership.changed';
        const event = await waitForNth(onB, nth, index + 1, 1_000);
        const data = JSON.parse(event.data);
        expect(data).toMatchObject({ communityId: community.id, personId: mo.id, status: method === 'DELETE' ? null : 'active' });
        latencies.push(event.receivedAt - sent);
        // The instance that took the write hears it the same way, through NOTIFY.
        await waitForNth(onA, nth, index + 1, 1_000);
      }
      console.info(`A → B latency, from sending the write to B's SSE event: ${latencies.map((ms) => `${ms.toFixed(1)} ms`).join(', ')}`);
      for (const ms of latencies) expect(ms).toBeLessThan(1_000);
      expect(onB.events.map((e) => e.id)).toEqual(onA.events.map((e) => e.id));
    }, 30_000);

    it("delivers a reply posted through A to B's readers within a second, and never to a non-member's stream", async () => {
      const ada = await signUp(a.url, 'Ada');
      const reader = await signUp(a.url, 'Reader');
      const outsider = await signUp(a.url, 'Outsider');
      const openGuild = await createCommunity(ada.cookie, 'open');
      const privateGuild = await createCommunity(ada.cookie, 'private');
      const joined = await call(a.url, reader.cookie, 'POST', `/api/v1/communities/${openGuild.slug}/members`, {});
      expect(joined.status, await joined.text()).toBe(200);
      const openThread = await startThread(ada.cookie, openGuild.slug);
      const privateThread = await startThread(ada.cookie, privateGuild.slug);

      const readerOnB = new SseTestClient(`${b.url}/api/v1/stream`, { cookie: reader.cookie });
      const adaOnB = new SseTestClient(`${b.url}/api/v1/stream`, { cookie: ada.cookie });
      const outsiderOnB = new SseTestClient(`${b.url}/api/v1/stream`, { cookie: outsider.cookie });
      streams.push(readerOnB, adaOnB, outsiderOnB);
      await Promise.all([readerOnB.ready, adaOnB.ready, outsiderOnB.ready]);

      const sent = performance.now();
      const posted = await replyThrough(a.url, ada.cookie, openThread);
      const arrived = await readerOnB.next((e) => e.event === 'post.created' && JSON.parse(e.data).postId === posted, 1_000);
      expect(JSON.parse(arrived.data)).toMatchObject({ threadId: openThread, postId: posted });
      expect(arrived.receivedAt - sent).toBeLessThan(1_000);

      const secret = await replyThrough(a.url, ada.cookie, privateThread);
      // The private reply reaches B (its member hears it)…
      await adaOnB.next((e) => e.event === 'post.created' && JSON.parse(e.data).postId === secret, 1_000);
      // …and a later open reply reaching the outsider proves the private one was filtered, not
      // late: a stream delivers its events in order.
      const after = await replyThrough(a.url, ada.cookie, openThread);
      await outsiderOnB.next((e) => e.event === 'post.created' && JSON.parse(e.data).postId === after, 1_000);
      const leaked = outsiderOnB.events.filter((e) => e.data.includes(privateThread) || e.data.includes(privateGuild.id));
      expect(leaked).toEqual([]);
      expect(outsiderOnB.events.some((e) => e.data.includes(secret))).toBe(false);
    }, 30_000);

    async function createCommunity(cookie: string, visibility: 'open' | 'private') {
      const res = await call(a.url, cookie, 'POST', '/api/v1/communities', {
        name: `Reply Guild ${visibility}`,
        slug: `reply-${visibility}-${randomBytes(3).toString('hex')}`,
        domain: 'Replies travel between instances.',
        category: 'new-technology',
        cadence: 'monthly',
        visibility,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as { id: string; slug: string };
    }

    async function startThread(cookie: string, slug: string) {
      const res = await call(a.url, cookie, 'POST', `/api/v1/communities/${slug}/threads`, {
        kind: 'discussion',
        title: 'Which instance heard this?',
        body: 'The opening post.',
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    }

    async function replyThrough(baseUrl: string, cookie: string, threadId: string) {
      const res = await call(baseUrl, cookie, 'POST', `/api/v1/threads/${threadId}/posts`, { body: 'A reply written on A.' });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    }
  });
}

/** Waits until a stream has received `count` events that match, and returns the last of them. */
async function waitForNth(stream: SseTestClient, match: (e: { event: string }) => boolean, count: number, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const matching = stream.events.filter(match);
    if (matching.length >= count) return matching[count - 1] as (typeof matching)[number];
    if (performance.now() > deadline) throw new Error(`only ${matching.length} of ${count} events within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

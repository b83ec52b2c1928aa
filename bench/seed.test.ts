import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { BENCH_ADMIN, BENCH_PASSWORD, SCALES } from './lib/scale.ts';
import { seed } from './lib/seed.ts';

/**
 * The reference data set at its smallest: the right amounts of everything, the same rows for
 * the same seed, and a search index that finds what was seeded and keeps up with new writes.
 * Runs on SQLite, and on PostgreSQL too when TEST_POSTGRES_URL is set (as the API tests do).
 */
const adminUrl = process.env.TEST_POSTGRES_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function freshDatabase(): Promise<string> {
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'guildhall-bench-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return `sqlite:${join(dir, 'bench.db')}`;
  }
  const name = `gh_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A hash of a table's rows in key order: equal hashes, equal rows. */
async function tableHash(url: string, table: 'post' | 'thread' | 'membership' | 'event' | 'page', key: string): Promise<string> {
  const database = openDatabase(url);
  try {
    const rows = await database.db
      .selectFrom(table)
      .selectAll()
      .orderBy(key as never)
      .execute();
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  } finally {
    await database.close();
  }
}

describe('bench:seed --scale tiny', () => {
  it('writes the organisation deterministically, and search finds it', async () => {
    const first = await freshDatabase();
    const second = await freshDatabase();
    const a = await seed({ scale: 'tiny', seed: 42, databaseUrl: first, reset: false });
    await seed({ scale: 'tiny', seed: 42, databaseUrl: second, reset: false });

    const tiny = SCALES.tiny;
    expect(a.counts).toMatchObject({
      person: tiny.people,
      team: tiny.teams,
      community: tiny.communities,
      thread: tiny.threads,
      post: tiny.posts,
      event: tiny.events,
      page: tiny.pages,
    });
    expect(a.counts.rsvp).toBeGreaterThan(0);
    expect(a.counts.post_reaction).toBeGreaterThan(0);
    // Every person, community, thread and event, and every reply that is neither hidden nor deleted.
    expect(a.counts.search_document).toBeGreaterThan(tiny.people + tiny.communities + tiny.threads + tiny.events);

    for (const [table, key] of [
      ['post', 'id'],
      ['thread', 'id'],
      ['membership', 'person_id'],
      ['event', 'id'],
      ['page', 'id'],
    ] as const) {
      expect(await tableHash(first, table, key), table).toBe(await tableHash(second, table, key));
    }

    // Through the real app: the bench admin signs in, finds a seeded thread by its title, and a
    // reply written now is found right away and shows on the thread's (cached) page at once (the
    // index and thread-revision triggers are back in place).
    const database = openDatabase(first);
    const config = loadConfig({ DATABASE_URL: first, LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    const app = await buildApp({ config, database });
    try {
      const signin = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signin',
        headers: { 'sec-fetch-site': 'same-origin' },
        payload: { email: BENCH_ADMIN.email, password: BENCH_PASSWORD },
      });
      expect(signin.statusCode).toBe(200);
      const cookie = /gh_session=[^;]+/.exec(String(signin.headers['set-cookie']))?.[0] ?? '';
      const thread = await database.db
        .selectFrom('thread')
        .innerJoin('community', 'community.id', 'thread.community_id')
        .select(['thread.id', 'thread.title'])
        .where('thread.locked', '=', 0)
        .where('community.stage', '<>', 'archived')
        .orderBy('thread.id')
        .executeTakeFirstOrThrow();
      const search = async (q: string) => {
        const response = await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}&limit=50`, headers: { cookie } });
        expect(response.statusCode).toBe(200);
        return (response.json() as { items: { kind: string; id: string }[] }).items;
      };
      expect(await search(thread.title)).toContainEqual(expect.objectContaining({ kind: 'thread', id: thread.id }));
      const replies = async () => {
        const response = await app.inject({ url: `/api/v1/threads/${thread.id}/posts?limit=100`, headers: { cookie } });
        return (response.json() as { items: { body: string }[] }).items.map((p) => p.body);
      };
      expect(await replies()).not.toContain('The zyzzyva runbook is in the wiki.');

      const reply = await app.inject({
        method: 'POST',
        url: `/api/v1/threads/${thread.id}/posts`,
        headers: { cookie, 'sec-fetch-site': 'same-origin' },
        payload: { body: 'The zyzzyva runbook is in the wiki.' },
      });
      expect(reply.statusCode).toBe(201);
      expect(await search('zyzzyva')).toEqual([expect.objectContaining({ kind: 'post', id: (reply.json() as { id: string }).id })]);
      expect(await replies()).toContain('The zyzzyva runbook is in the wiki.');
    } finally {
      await app.close();
      await database.close();
    }
  });
});

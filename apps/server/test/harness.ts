import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/**
 * Test databases. Every suite runs against SQLite by default, and against PostgreSQL when
 * TEST_POSTGRES_URL points at a server (scripts/test.mjs and .ci/run set it): each test app
 * gets its own fresh database there, dropped when the app closes.
 */
export const dialectUnderTest = process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite';

async function freshDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) return { url: 'sqlite::memory:', drop: async () => {} };
  const name = `gh_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close: () => Promise<void>;
};

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { url, drop } = await freshDatabaseUrl();
  const config = loadConfig({
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    WRITE_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    ...env,
    DATABASE_URL: url,
  });
  const database = openDatabase(url);
  await migrateToLatest(database);
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** A signed-in test user: a cookie jar of one, and helpers that send JSON as a browser would. */
export type Client = {
  id: string;
  email: string;
  cookie: string;
  request: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
};

let counter = 0;

export async function signUp(app: FastifyInstance, name = `Person ${++counter}`, extra: Record<string, unknown> = {}): Promise<Client> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${randomBytes(3).toString('hex')}@example.com`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email, password: 'a long enough password', name, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gh_session');
  if (!cookie) throw new Error('no session cookie');
  return asClient(app, res.json().id, email, `gh_session=${cookie.value}`);
}

export function asClient(app: FastifyInstance, id: string, email: string, cookie: string): Client {
  return {
    id,
    email,
    cookie,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'sec-fetch-site': 'same-origin', ...headers },
        ...(body !== undefined && { payload: body as object }),
      }),
  };
}

export async function createCommunity(client: Client, overrides: Record<string, unknown> = {}) {
  const slug = `c-${randomBytes(4).toString('hex')}`;
  const res = await client.request('POST', '/api/v1/communities', {
    name: `Community ${slug}`,
    slug,
    domain: 'A domain statement long enough to pass.',
    category: 'new-technology',
    cadence: 'monthly',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`create community failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string; version: number };
}

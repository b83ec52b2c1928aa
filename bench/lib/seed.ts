import { existsSync, rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { hashPassword } from '../../apps/server/src/platform/auth/passwords.ts';
import { seedConversations } from './conversations.ts';
import { seedKnowledge } from './knowledge.ts';
import { seedOrg } from './org.ts';
import { IdMaker } from './random.ts';
import { seedRhythm } from './rhythm.ts';
import { BENCH_PASSWORD, SCALES, type ScaleName } from './scale.ts';
import { rebuildSearchIndex, suspendSearchTriggers } from './search-index.ts';
import { type BulkWriter, openPostgresWriter, openSqliteWriter } from './writer.ts';

export const DEFAULT_BENCH_DATABASE = 'sqlite:./bench/data/bench.db';

export type SeedOptions = {
  scale: ScaleName;
  seed: number;
  databaseUrl: string;
  /** Start from an empty database: delete the SQLite file, or drop and recreate PostgreSQL's public schema. */
  reset: boolean;
  log?: (message: string) => void;
};

export type SeedSummary = {
  counts: Record<string, number>;
  phases: Record<string, number>;
  seconds: number;
};

/** Tables counted in the summary (and by the test). */
export const COUNTED = [
  'team',
  'person',
  'person_skill',
  'community',
  'membership',
  'thread',
  'post',
  'post_revision',
  'post_reaction',
  'thread_read',
  'event',
  'occurrence',
  'rsvp',
  'page',
  'page_revision',
  'search_document',
];

async function wipe(url: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    for (const suffix of ['', '-wal', '-shm', '-journal']) if (existsSync(path + suffix)) rmSync(path + suffix);
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

/** The real migrations, so the schema and its search triggers are exactly production's. */
async function migrateEmpty(url: string): Promise<void> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    const row = await database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) > 0) {
      throw new Error(`${url} already holds ${row.n} people; refusing to write into it (use --reset to start it afresh).`);
    }
  } finally {
    await database.close();
  }
}

async function openWriter(url: string): Promise<BulkWriter> {
  return url.startsWith('sqlite:') ? openSqliteWriter(url.slice('sqlite:'.length)) : openPostgresWriter(url);
}

/**
 * Writes the reference organisation into an empty database, deterministically: the same seed
 * and scale give the same rows (the one exception is the password hash, salted as always).
 */
export async function seed(options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const scale = SCALES[options.scale];
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = (now - mark) / 1000;
    mark = now;
    log(`${name}: ${phases[name]?.toFixed(1)} s`);
  };

  if (options.reset) await wipe(options.databaseUrl);
  await migrateEmpty(options.databaseUrl);
  // One argon2 hash for everyone: hashing 5,000 passwords would cost more than the posts.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  phase('migrate');

  const writer = await openWriter(options.databaseUrl);
  const counts: Record<string, number> = {};
  try {
    await suspendSearchTriggers(writer);
    const ids = new IdMaker(options.seed);
    const org = seedOrg(writer, ids, options.seed, scale, passwordHash);
    await writer.flush();
    phase('people and communities');
    await seedConversations(writer, ids, options.seed, scale, org, log);
    phase('threads and posts');
    await seedRhythm(writer, ids, options.seed, scale, org);
    phase('events');
    // The knowledge room arrived with migration 0005-knowledge; older schemas simply get no pages.
    if (await writer.tableExists('page')) {
      await seedKnowledge(writer, ids, options.seed, scale, org);
      phase('pages');
    } else log('pages: no page table in this schema, skipped');
    await rebuildSearchIndex(writer);
    phase('search index');
    for (const table of COUNTED) {
      if (!(await writer.tableExists(table))) continue;
      const [row] = await writer.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`);
      counts[table] = Number(row?.n ?? 0);
    }
  } finally {
    await writer.finish();
  }
  phase('finish');
  return { counts, phases, seconds: (performance.now() - started) / 1000 };
}

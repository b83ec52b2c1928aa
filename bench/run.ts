// `npm run bench [-- --dialect sqlite|postgres|both] [--duration 10] [--connections 50]`
// Starts the real server on the seeded data set and drives it with autocannon; prints and
// records (bench/results.md) throughput and latency against DESIGN.md's budgets.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type LoadResult, type NextRequest, runLoad } from './lib/load.ts';
import {
  backendCpuDelta,
  cpuSeconds,
  postgresBackendCpu,
  ROOT,
  rssSampler,
  type Served,
  signInAs,
  startHello,
  startServer,
  withPostgres,
} from './lib/processes.ts';
import { BUDGETS, describeMachine, machineLine, markdownTable, type Row, RSS_BUDGET_MB, writeResults } from './lib/report.ts';
import { BENCH_MEMBER, BENCH_PASSWORD, SCALES, type ScaleName } from './lib/scale.ts';
import { communityHome, createPost, loadTargets, search, suggestions, type Targets, threadPage } from './lib/scenarios.ts';
import { DEFAULT_BENCH_DATABASE, seed } from './lib/seed.ts';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    database: { type: 'string' },
    scale: { type: 'string', default: 'full' },
    only: { type: 'string' },
    sse: { type: 'string', default: '100' },
    single: { type: 'string', default: '5' },
    'no-write': { type: 'boolean', default: false },
  },
});

const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const sseClients = Number(values.sse);
const singleSeconds = Number(values.single);
const dialects = values.dialect === 'both' ? ['sqlite', 'postgres'] : [values.dialect ?? 'sqlite'];
if (!dialects.every((d) => d === 'sqlite' || d === 'postgres') || !(values.scale in SCALES)) {
  console.error('usage: npm run bench -- [--dialect sqlite|postgres|both] [--duration 10] [--connections 50] [--scale full|small|tiny]');
  process.exit(2);
}
const log = (message: string) => console.log(message);

/** Live-event listeners, so that creating a post fans out to real SSE connections. */
function openStreams(port: number, cookie: string, count: number) {
  let bytes = 0;
  const requests = Array.from({ length: count }, () => {
    const req = request({ host: '127.0.0.1', port, path: '/api/v1/stream', headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
    });
    req.on('error', () => {});
    req.end();
    return req;
  });
  return {
    bytes: () => bytes,
    close: () => {
      for (const r of requests) r.destroy();
    },
  };
}

/**
 * `prime`: paths requested once, a few at a time, before the warm-up: what a server that has been
 * up for a while has already read (the thread page cache holds the pages of the 1,000 threads the
 * scenario rotates over; a 3 s warm-up at a few hundred requests/s would not reach them all).
 */
type Scenario = { name: string; next: NextRequest; write?: boolean; prime?: string[] };

const writeHeaders = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };

async function primeWith(port: number, headers: Record<string, string>, paths: string[]): Promise<void> {
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

type Measured = { result: LoadResult; cpuMs: number | null; dbCpuMs: number | null; load: number };

/** The PostgreSQL database being measured, if any: its backends' CPU is counted per request too. */
let postgresUrl: string | null = null;

async function measure(
  served: Served | null,
  port: number,
  headers: Record<string, string>,
  s: Scenario,
  conns: number,
  seconds: number,
): Promise<Measured> {
  const options = { port, connections: conns, headers: s.write ? { ...headers, ...writeHeaders } : headers, next: s.next };
  if (s.prime) await primeWith(port, headers, s.prime);
  // Warm-up (JIT, caches, the database's pages in memory), not counted; writes skip it to keep the data set as seeded.
  if (warmup > 0 && !s.write) await runLoad({ ...options, durationSeconds: warmup });
  const load = loadavg()[0] ?? 0;
  const cpuBefore = served ? cpuSeconds(served.pid) : 0;
  const backendsBefore = postgresUrl ? await postgresBackendCpu(postgresUrl) : null;
  const result = await runLoad({ ...options, durationSeconds: seconds });
  const cpuMs = served && result.requests ? ((cpuSeconds(served.pid) - cpuBefore) * 1000) / result.requests : null;
  const dbCpuMs =
    postgresUrl && backendsBefore && result.requests
      ? (backendCpuDelta(backendsBefore, await postgresBackendCpu(postgresUrl)) * 1000) / result.requests
      : null;
  return { result, cpuMs, dbCpuMs, load };
}

async function runDialect(
  dialect: string,
  databaseUrl: string,
  ceiling: Measured,
): Promise<{ rows: Row[]; targets: Targets; rss: number }> {
  const targets = await loadTargets(databaseUrl);
  log(
    `\n${dialect}: ${targets.posts.toLocaleString('en')} posts; longest thread ${targets.longestThreadPosts} posts; starting the server…`,
  );
  const server: Served = await startServer(databaseUrl);
  const rss = rssSampler(server.pid);
  const rows: Row[] = [];
  try {
    const headers = { cookie: await signInAs(server.port, BENCH_MEMBER.email, BENCH_PASSWORD) };
    const scenarios: Scenario[] = [
      {
        name: 'thread first page',
        next: threadPage(targets),
        prime: [targets.longestThreadId, ...targets.readThreadIds].map((id) => `/api/v1/threads/${id}/posts`),
      },
      { name: 'community home', next: communityHome(targets) },
      { name: 'search', next: search() },
      { name: 'title suggestions', next: suggestions() },
      { name: 'create post', next: createPost(targets), write: true },
    ].filter((s) => !values.only || values.only.split(',').some((o) => s.name.includes(o)));
    for (const scenario of scenarios) {
      const streams = scenario.write && sseClients > 0 ? openStreams(server.port, headers.cookie, sseClients) : null;
      if (streams) await new Promise((r) => setTimeout(r, 500));
      rss.take();
      const { result, cpuMs, dbCpuMs, load } = await measure(server, server.port, headers, scenario, connections, duration);
      rows.push({ scenario: scenario.name, connections, result, rssMb: rss.take(), cpuMs, dbCpuMs, load });
      const fanout = streams ? `, ${sseClients} SSE listeners received ${(streams.bytes() / 1e6).toFixed(1)} MB` : '';
      streams?.close();
      log(
        `  ${scenario.name}: ${Math.round(result.rps)} req/s, p50 ${result.p50.toFixed(1)} / p95 ${result.p95.toFixed(1)} / p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}, non-2xx ${result.non2xx}${fanout}`,
      );
      if (result.non2xx) log(`    status codes: ${JSON.stringify(result.statusCodes)}`);
      // The same requests one at a time: the service time itself, without 50 requests queueing for 2 cores.
      if (singleSeconds > 0 && !scenario.write) {
        const one = await measure(server, server.port, headers, scenario, 1, singleSeconds);
        const single = one.result;
        rows.push({ scenario: scenario.name, connections: 1, ...one, rssMb: rss.take() });
        log(
          `  ${scenario.name}, 1 connection: p50 ${single.p50.toFixed(1)} / p95 ${single.p95.toFixed(1)} / p99 ${single.p99.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    rss.stop();
    await server.stop();
  }
  rows.unshift({ scenario: 'bare Fastify "hello" (ceiling)', connections, ...ceiling, dbCpuMs: null, rssMb: null });
  return { rows, targets, rss: rss.overall() };
}

async function databaseVersion(url: string): Promise<string> {
  if (url.startsWith('sqlite:')) {
    const { default: SQLite } = await import('better-sqlite3');
    const db = new SQLite(':memory:');
    const { v } = db.prepare('select sqlite_version() as v').get() as { v: string };
    db.close();
    return `SQLite ${v} (better-sqlite3)`;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('show server_version');
  await client.end();
  return `PostgreSQL ${rows[0]?.server_version}`;
}

async function main() {
  log(`Ceiling: a bare Fastify route, ${connections} connections, ${duration} s…`);
  const hello = await startHello();
  let ceiling: Measured;
  try {
    ceiling = await measure(hello, hello.port, {}, { name: 'hello', next: () => ({ path: '/hello' }) }, connections, duration);
  } finally {
    await hello.stop();
  }
  log(
    `  ${Math.round(ceiling.result.rps)} req/s, p99 ${ceiling.result.p99.toFixed(1)} ms, ${ceiling.cpuMs?.toFixed(3)} ms CPU per request`,
  );

  for (const dialect of dialects) {
    let databaseUrl = values.database ?? '';
    let stopPostgres = () => {};
    if (dialect === 'sqlite') {
      databaseUrl = databaseUrl.startsWith('sqlite:') ? databaseUrl : DEFAULT_BENCH_DATABASE;
      if (!existsSync(resolve(ROOT, databaseUrl.slice('sqlite:'.length)))) {
        console.error(`${databaseUrl} does not exist: run npm run bench:seed -- --scale ${values.scale} first.`);
        process.exit(1);
      }
    } else if (!databaseUrl.startsWith('postgres')) {
      // A throwaway cluster (scripts/with-postgres.mjs), seeded here: it goes when we do.
      const cluster = await (await withPostgres()).startThrowawayPostgres({ log });
      stopPostgres = cluster.stop;
      process.on('exit', cluster.stop);
      databaseUrl = cluster.url;
      log(`Seeding the ${values.scale} organisation into PostgreSQL…`);
      const summary = await seed({ scale: values.scale as ScaleName, seed: 1, databaseUrl, reset: false, log: (m) => log(`  ${m}`) });
      log(`  seeded in ${summary.seconds.toFixed(0)} s`);
    }
    postgresUrl = dialect === 'postgres' ? databaseUrl : null;
    try {
      const { rows, targets, rss } = await runDialect(dialect, databaseUrl, ceiling);
      const machine = describeMachine(await databaseVersion(databaseUrl));
      const rssOk = rss <= RSS_BUDGET_MB;
      const table = markdownTable(rows, ceiling.result.rps);
      const block = [
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${targets.posts.toLocaleString('en')} posts ` +
          `(longest thread ${targets.longestThreadPosts}), ${duration} s per scenario after a ${warmup} s warm-up.`,
        `Machine: ${machineLine(machine)}.`,
        '',
        table,
        '',
        `Server RSS, peak over the run: ${rss.toFixed(0)} MB (budget ≤ ${RSS_BUDGET_MB} MB) ${rssOk ? '✅' : '❌'}`,
      ].join('\n');
      console.log(`\n${block}\n`);
      mkdirSync(join(ROOT, 'bench', 'data'), { recursive: true });
      writeFileSync(
        join(ROOT, 'bench', 'data', `results-${dialect}.json`),
        JSON.stringify({ machine, rows, rss, budgets: Object.keys(BUDGETS) }, null, 2),
      );
      if (!values['no-write']) writeResults(join(ROOT, 'bench', 'results.md'), dialect, block);
    } finally {
      stopPostgres();
    }
  }
}

await main();
process.exit(0);

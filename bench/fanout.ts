// `npm run bench:fanout [-- --dialect sqlite|postgres] [--database URL] [--clients 1000] [--posts 200] [--rate 20]`
// DESIGN.md's realtime budget: a post reaches 1,000 connected SSE clients, p99 ≤ 200 ms. Starts
// the real server on an already seeded database, opens the streams, writes posts at a fixed rate
// and times each post's arrival on every stream; prints and records (bench/results.md) the result.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  ensureResultsBlock,
  FANOUT_BUDGET_MS,
  type FanoutSummary,
  fanoutPasses,
  fanoutTable,
  latencies,
  openCommunityThread,
  openFileLimit,
  postAtRate,
  Streams,
} from './lib/fanout.ts';
import { backendCpuDelta, cpuSeconds, postgresBackendCpu, ROOT, rssSampler, signInAs, startServer } from './lib/processes.ts';
import { describeMachine, machineLine, writeResults } from './lib/report.ts';
import { BENCH_MEMBER, BENCH_PASSWORD } from './lib/scale.ts';
import { loadTargets } from './lib/scenarios.ts';
import { DEFAULT_BENCH_DATABASE } from './lib/seed.ts';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    database: { type: 'string' },
    clients: { type: 'string', default: '1000' },
    posts: { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
    // How long to wait, after the last POST has answered, for deliveries still on their way.
    drain: { type: 'string', default: '10' },
    'no-write': { type: 'boolean', default: false },
  },
});

const dialect = values.dialect ?? 'sqlite';
const clients = Number(values.clients);
const posts = Number(values.posts);
const rate = Number(values.rate);
const drainSeconds = Number(values.drain);
const positive = (n: number) => Number.isInteger(n) && n > 0;
if (
  (dialect !== 'sqlite' && dialect !== 'postgres') ||
  ![clients, posts].every(positive) ||
  !(rate > 0 && rate <= 1000) ||
  !(drainSeconds >= 0)
) {
  console.error(
    'usage: npm run bench:fanout -- [--dialect sqlite|postgres] [--database URL] [--clients 1000] [--posts 200] [--rate 20] [--drain 10] [--no-write]',
  );
  process.exit(2);
}
const log = (message: string) => console.log(message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function databaseUrl(): string {
  const given = values.database ?? '';
  if (dialect === 'postgres') {
    // Seeding a million posts takes a quarter of an hour: this benchmark only uses a database seeded before.
    if (!given.startsWith('postgres')) {
      console.error('--dialect postgres needs --database postgres://… of a seeded database (npm run bench:seed -- --database …).');
      process.exit(2);
    }
    return given;
  }
  const url = given.startsWith('sqlite:') ? given : DEFAULT_BENCH_DATABASE;
  if (!existsSync(resolve(ROOT, url.slice('sqlite:'.length)))) {
    console.error(`${url} does not exist: run npm run bench:seed first.`);
    process.exit(1);
  }
  return url;
}

/**
 * Every stream is a socket on both ends (both on this machine, the server inheriting this
 * process's limit), plus the database's files and connections: stop early rather than
 * measure EMFILE.
 */
function checkFileLimit(pid: number | 'self', who: string): void {
  const limit = openFileLimit(pid);
  if (limit !== null && limit < clients + 200) {
    console.error(`${who} may open ${limit} files, too few for ${clients} streams: raise it first (ulimit -n ${clients + 1024}).`);
    process.exit(1);
  }
}

async function main() {
  checkFileLimit('self', 'This process');
  const url = databaseUrl();
  const targets = await loadTargets(url);
  const { threadId, slug } = await openCommunityThread(url, targets.writeThreadIds);
  log(
    `${dialect}: ${targets.posts.toLocaleString('en')} posts; writing into thread ${threadId} of the open community ${slug}; starting the server…`,
  );
  const server = await startServer(url);
  const rss = rssSampler(server.pid);
  // Markers unique to this run: posts of an earlier run in the same thread are never counted.
  const run = Date.now().toString(36);
  let streams: Streams | null = null;
  try {
    checkFileLimit(server.pid, 'The server');
    // The stream routes cap nothing per person or address (stream.routes.ts), so one session serves every stream.
    const cookie = await signInAs(server.port, BENCH_MEMBER.email, BENCH_PASSWORD);
    streams = new Streams(server.port, cookie, clients, posts, run);
    const cpuConnect = cpuSeconds(server.pid);
    const openedAt = performance.now();
    await streams.open();
    log(
      `  ${streams.connected} of ${clients} streams connected (${streams.failed} failed) in ${((performance.now() - openedAt) / 1000).toFixed(1)} s, ` +
        `${(((cpuSeconds(server.pid) - cpuConnect) * 1000) / clients).toFixed(2)} ms of server CPU each`,
    );
    if (streams.connected === 0) throw new Error(`no stream connected:\n${server.output()}`);
    await sleep(500);

    log(`  writing ${posts} posts at ${rate}/s…`);
    const cpuBefore = cpuSeconds(server.pid);
    const backendsBefore = dialect === 'postgres' ? await postgresBackendCpu(url) : null;
    const sent = await postAtRate(server.port, cookie, threadId, posts, rate, run);
    const postIndex = new Map(sent.flatMap((s, i) => (s.postId ? [[s.postId, i] as const] : [])));
    const postsOk = sent.filter((s) => s.status >= 200 && s.status < 300).length;
    const expected = streams.connected * postsOk;
    // Bounded: what has not arrived `drain` seconds after the last answer is counted missing.
    const deadline = performance.now() + drainSeconds * 1000;
    while (streams.pending() < expected && performance.now() < deadline) await sleep(50);
    streams.resolveIds(postIndex);
    const cpuMs = (cpuSeconds(server.pid) - cpuBefore) * 1000;
    const dbCpuMs = backendsBefore ? backendCpuDelta(backendsBefore, await postgresBackendCpu(url)) * 1000 : null;
    if (postsOk < posts) {
      const statuses = sent.map((s) => s.status).filter((s) => s < 200 || s >= 300);
      log(`  ${posts - postsOk} posts failed, statuses ${JSON.stringify(statuses.slice(0, 20))}`);
    }

    const summary: FanoutSummary = {
      clients,
      connected: streams.connected,
      closedEarly: streams.closedEarly,
      posts,
      postsOk,
      rate,
      expected,
      received: streams.seen,
      duplicates: streams.duplicates,
      fromSend: latencies(streams, sent, 'sentAt'),
      fromAnswer: latencies(streams, sent, 'answeredAt'),
      cpuMsPerPost: cpuMs / posts,
      dbCpuMsPerPost: dbCpuMs === null ? null : dbCpuMs / posts,
      rssMb: rss.overall(),
    };
    report(summary, targets.posts);
  } finally {
    streams?.close();
    rss.stop();
    await server.stop();
  }
}

function report(s: FanoutSummary, seededPosts: number): void {
  const database = dialect === 'sqlite' ? 'SQLite (better-sqlite3)' : 'PostgreSQL';
  const block = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${seededPosts.toLocaleString('en')} posts: ` +
      `${s.clients.toLocaleString('en')} SSE streams of the bench member, ${s.posts} posts at ${s.rate}/s into one thread of an open community; ` +
      `a delivery not there ${drainSeconds} s after the last answer is missing.`,
    `Machine: ${machineLine(describeMachine(database))}. The streams are read by one Node process on the same cores as the server.`,
    '',
    fanoutTable(s),
    '',
    `Budget (DESIGN.md): a post reaches 1,000 connected SSE clients, p99 ≤ ${FANOUT_BUDGET_MS} ms ` +
      `${fanoutPasses(s) ? '✅' : '❌'}${s.expected > s.received ? ` (${(s.expected - s.received).toLocaleString('en')} deliveries missing)` : ''}`,
  ].join('\n');
  console.log(`\n${block}\n`);
  if (!values['no-write']) {
    const path = join(ROOT, 'bench', 'results.md');
    ensureResultsBlock(path, `fanout-${dialect}`);
    writeResults(path, `fanout-${dialect}`, block);
  }
}

await main();
process.exit(0);

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

type WithPostgres = {
  freePort(): Promise<number>;
  startThrowawayPostgres(options?: { log?: (message: string) => void }): Promise<{ url: string; stop: () => void }>;
};
/** scripts/with-postgres.mjs: the same throwaway cluster and free-port finder the tests use. */
export const withPostgres = (): Promise<WithPostgres> => import(pathToFileURL(join(ROOT, 'scripts', 'with-postgres.mjs')).href);
const freePort = async () => (await withPostgres()).freePort();

export type Served = { port: number; pid: number; stop: () => Promise<void>; output: () => string };

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before it served:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${output()}`);
}

function launch(command: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => log };
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      child.kill('SIGTERM');
    });
}

/**
 * The real server, started the way `npm start` starts it (scripts/start.mjs: the esbuild bundle
 * of apps/server, in that very process, so its pid is the server's), with logs at warn and the
 * rate limits out of the way of a load test.
 */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Served> {
  const port = await freePort();
  const { child, output } = launch(process.execPath, ['scripts/start.mjs'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    WRITE_RATE_LIMIT_PER_MINUTE: '100000000',
    ...extraEnv,
  });
  // The first start may build the web app (and bundle the server); a large database opens in a moment.
  await waitFor(`http://127.0.0.1:${port}/readyz`, child, output, 600_000);
  return { port, pid: child.pid ?? 0, stop: stopper(child), output };
}

/** The ceiling: a bare Fastify route in its own process, on the same machine. */
export async function startHello(): Promise<Served> {
  const port = await freePort();
  const { child, output } = launch(process.execPath, [join(ROOT, 'bench', 'lib', 'hello-server.mjs')], { PORT: String(port) });
  await waitFor(`http://127.0.0.1:${port}/hello`, child, output, 30_000);
  return { port, pid: child.pid ?? 0, stop: stopper(child), output };
}

/** Resident memory of a process, in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system) a process has used, from /proc/<pid>/stat: on a shared machine the
 * server's CPU time per request says more about its own cost than its latency does.
 */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds per PostgreSQL backend serving `url`'s database (same machine): with PostgreSQL,
 * much of a request's work happens there, outside the server process.
 */
export async function postgresBackendCpu(url: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
  } finally {
    await client.end();
  }
}

/** CPU seconds the backends used between two snapshots (a backend that appeared counts whole). */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Samples a process's RSS every quarter second; `take()` answers the peak since the last take. */
export function rssSampler(pid: number) {
  let peak = 0;
  let overall = 0;
  const timer = setInterval(() => {
    const now = rssMb(pid);
    peak = Math.max(peak, now);
    overall = Math.max(overall, now);
  }, 250);
  timer.unref();
  return {
    take: () => {
      const p = Math.max(peak, rssMb(pid));
      peak = 0;
      return p;
    },
    overall: () => overall,
    stop: () => clearInterval(timer),
  };
}

export async function signInAs(port: number, email: string, password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = /gh_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  if (!response.ok || !cookie) throw new Error(`signing in as ${email} failed: ${response.status} ${await response.text()}`);
  return cookie;
}

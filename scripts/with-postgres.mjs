#!/usr/bin/env node
// A throwaway PostgreSQL cluster for tests: a temporary data directory, trust authentication,
// listening on 127.0.0.1 only, on a free port, with durability switched off for speed. It is
// stopped and removed when the process that started it exits, however it exits.
//
//   node scripts/with-postgres.mjs -- <command> [args...]
//     starts a cluster, runs the command with TEST_POSTGRES_URL set, stops the cluster and
//     exits with the command's status.
//
//   import { startThrowawayPostgres } from './with-postgres.mjs'
//     the same from a script; returns { url, stop } or throws PostgresUnavailable.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class PostgresUnavailable extends Error {}

/** Directories that hold both initdb and pg_ctl: PATH first, then Debian's versioned ones, newest first. */
export function findPostgresBinDir() {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  let debian = [];
  try {
    debian = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    // No Debian PostgreSQL packages.
  }
  return [...onPath, ...debian].find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

function idOf(user) {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` OS user
 * (Debian's packages create it), or failing that as a dedicated system user created here.
 */
function serverUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  for (const name of ['postgres', 'guildhall-pg']) {
    const ids = idOf(name);
    if (ids) return { name, ...ids };
  }
  const created = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'guildhall-pg'], {
    encoding: 'utf8',
  });
  const ids = idOf('guildhall-pg');
  if (created.status !== 0 || !ids)
    throw new PostgresUnavailable(`running as root and could not create a user for PostgreSQL: ${created.stderr}`);
  return { name: 'guildhall-pg', ...ids };
}

export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway cluster. Resolves to { url, stop }: url is an admin URL (superuser
 * `postgres`, database `postgres`) that may CREATE and DROP DATABASE. stop() is synchronous
 * and idempotent, so it is also safe from an 'exit' handler.
 */
export async function startThrowawayPostgres({ log = () => {} } = {}) {
  const bin = findPostgresBinDir();
  if (!bin) throw new PostgresUnavailable('initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin');
  const user = serverUser();
  const runAs = user ? { uid: user.uid, gid: user.gid } : {};
  const base = mkdtempSync(join(tmpdir(), 'guildhall-pg-'));
  if (user) chownSync(base, user.uid, user.gid);
  const dataDir = join(base, 'data');
  const logFile = join(base, 'server.log');
  let started = false;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (started) {
      // Immediate: the data is thrown away, so there is nothing to flush.
      spawnSync(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'], {
        ...runAs,
        cwd: base,
        stdio: 'ignore',
      });
    }
    rmSync(base, { recursive: true, force: true });
  };
  const fail = (what, result) => {
    let serverLog = '';
    try {
      serverLog = readFileSync(logFile, 'utf8');
    } catch {}
    stop();
    return new PostgresUnavailable(`${what} failed (status ${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}${serverLog}`);
  };

  log(`PostgreSQL: binaries in ${bin}${user ? `, running as OS user ${user.name}` : ''}, data in ${dataDir}`);
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { ...runAs, cwd: base, encoding: 'utf8' },
  );
  if (init.status !== 0) throw fail('initdb', init);

  const port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${base}`,
    '-c max_connections=300',
    '-c shared_buffers=128MB',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const start = spawnSync(join(bin, 'pg_ctl'), ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options], {
    ...runAs,
    cwd: base,
    encoding: 'utf8',
  });
  started = true;
  if (start.status !== 0) throw fail('pg_ctl start', start);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  log(`PostgreSQL: throwaway cluster up at ${url}`);
  return { url, stop };
}

async function main() {
  const args = process.argv.slice(2);
  const command = args[0] === '--' ? args.slice(1) : args;
  if (command.length === 0) {
    console.error('usage: node scripts/with-postgres.mjs -- <command> [args...]');
    process.exit(2);
  }
  let pg;
  try {
    pg = await startThrowawayPostgres({ log: (m) => console.error(m) });
  } catch (error) {
    console.error(`Could not start PostgreSQL: ${error.message}`);
    process.exit(1);
  }
  process.on('exit', pg.stop);
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, TEST_POSTGRES_URL: pg.url } });
  // A signal from a terminal reaches the child too; one sent to this process alone is passed
  // on. Either way the cluster goes once the child has gone.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not run ${command[0]}: ${error.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

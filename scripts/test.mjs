#!/usr/bin/env node
// The whole suite, in the order a failure is cheapest to find: lint, types, API tests on
// SQLite, the same tests on PostgreSQL, the web build, then the browser journeys. Stops at the
// first failing stage and ends with one line, `N passed, N failed`, counting test cases across
// both Vitest runs and Playwright.
//
//   npm test                          everything
//   npm test -- --only=vitest-sqlite  just those stages (comma-separated ids, see below)
//   npm test -- --skip=e2e,build      all but those
//
// PostgreSQL: TEST_POSTGRES_URL (an admin URL allowed to CREATE/DROP DATABASE) when set;
// otherwise a throwaway cluster from scripts/with-postgres.mjs. Chromium: CHROMIUM_PATH or
// /usr/bin/chromium. Without either, the stage is skipped with a warning on a developer's
// machine and fails when CI=true.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostgresUnavailable, startThrowawayPostgres } from './with-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const reports = mkdtempSync(join(tmpdir(), 'guildhall-test-'));
const bin = (name) => join(root, 'node_modules', '.bin', name);

const cleanups = [() => rmSync(reports, { recursive: true, force: true })];
const cleanUp = () => {
  while (cleanups.length) cleanups.pop()();
};
let current = null;
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    current?.kill(signal);
    cleanUp();
    process.exit(128 + constants.signals[signal]);
  });
}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint('1');
const red = paint('31');
const green = paint('32');
const yellow = paint('33');

function seconds(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function warn(lines) {
  const bar = '!'.repeat(78);
  console.log(yellow(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`));
}

/** Runs a command with inherited output; resolves to its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    current = child;
    child.on('error', (error) => {
      console.error(red(`could not run ${command}: ${error.message}`));
      resolvePromise(127);
    });
    child.on('exit', (code, signal) => {
      current = null;
      resolvePromise(code ?? (signal ? 1 : 0));
    });
  });
}

function envWithout(...names) {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Vitest's JSON reporter: Jest-compatible totals. A test file that fails before any of its
 * tests runs (an import error, a throwing beforeAll) counts as one failed test case, so that
 * the closing line never reads "0 failed" for a failed run.
 */
function vitestCounts(file) {
  const report = readJson(file);
  if (!report) return null;
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/**
 * Playwright's JSON reporter: a flaky test passed on retry, so it counts as passed; an error
 * outside any test (the web server not starting, a broken spec file) counts as a failure.
 */
function playwrightCounts(file) {
  const report = readJson(file);
  const stats = report?.stats;
  if (!stats) return null;
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors?.length ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

async function vitest(id, env) {
  const out = join(reports, `${id}.json`);
  const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  return { code, counts: vitestCounts(out) };
}

/** Resolves to an admin URL, or null when the stage must be skipped; throws when CI needs it. */
async function postgresUrl() {
  if (process.env.TEST_POSTGRES_URL) {
    console.log(`Using TEST_POSTGRES_URL from the environment (${process.env.TEST_POSTGRES_URL.replace(/\/\/[^@/]*@/, '//…@')}).`);
    return process.env.TEST_POSTGRES_URL;
  }
  try {
    const pg = await startThrowawayPostgres({ log: (m) => console.log(m) });
    cleanups.push(pg.stop);
    return pg.url;
  } catch (error) {
    if (!(error instanceof PostgresUnavailable) || isCI) throw error;
    warn([
      'PostgreSQL stage SKIPPED: no TEST_POSTGRES_URL and no throwaway cluster could be started.',
      error.message.split('\n')[0],
      'Install PostgreSQL (Debian: apt-get install postgresql) or set TEST_POSTGRES_URL.',
      'With CI=true this is a failure.',
    ]);
    return null;
  }
}

const stages = [
  { id: 'lint', title: 'Biome: lint + format', run: async () => ({ code: await run(bin('biome'), ['check', '.']) }) },
  {
    id: 'typecheck',
    title: 'TypeScript: typecheck every workspace',
    run: async () => ({ code: await run('npm', ['run', '--silent', 'typecheck']) }),
  },
  { id: 'vitest-sqlite', title: 'Vitest on SQLite', run: () => vitest('vitest-sqlite', envWithout('TEST_POSTGRES_URL')) },
  {
    id: 'vitest-postgres',
    title: 'Vitest on PostgreSQL',
    run: async () => {
      let url;
      try {
        url = await postgresUrl();
      } catch (error) {
        console.error(red(`PostgreSQL is required (CI=true) but could not be started:\n${error.message}`));
        return { code: 1 };
      }
      if (!url) return { skipped: true };
      return vitest('vitest-postgres', { ...process.env, TEST_POSTGRES_URL: url });
    },
  },
  { id: 'build', title: 'Build the web app', run: async () => ({ code: await run('npm', ['run', '--silent', 'build']) }) },
  {
    id: 'e2e',
    title: 'Playwright in Chromium',
    run: async () => {
      if (!existsSync(chromiumPath)) {
        if (isCI) {
          console.error(red(`Chromium is required (CI=true) but ${chromiumPath} does not exist. Debian: apt-get install chromium.`));
          return { code: 1 };
        }
        warn([
          `Playwright stage SKIPPED: no Chromium at ${chromiumPath}.`,
          'Install Debian\'s (apt-get install chromium) or set CHROMIUM_PATH. Never run "playwright install".',
          'With CI=true this is a failure.',
        ]);
        return { skipped: true };
      }
      const out = join(reports, 'playwright.json');
      const env = { ...process.env, CHROMIUM_PATH: chromiumPath, PLAYWRIGHT_JSON_OUTPUT_FILE: out, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
      const code = await run(bin('playwright'), ['test', '--reporter=list,json'], env);
      return { code, counts: playwrightCounts(out) };
    },
  },
];

function parseList(flag) {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${flag}=`));
  return arg
    ? arg
        .slice(flag.length + 3)
        .split(',')
        .filter(Boolean)
    : null;
}
const only = parseList('only');
const skip = parseList('skip') ?? [];
for (const id of [...(only ?? []), ...skip]) {
  if (!stages.some((s) => s.id === id)) {
    console.error(`unknown stage "${id}"; stages: ${stages.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
}
const selected = stages.filter((s) => (only ? only.includes(s.id) : true) && !skip.includes(s.id));

const results = [];
const started = performance.now();
let failed = false;
for (const [index, stage] of selected.entries()) {
  const header = `[${index + 1}/${selected.length}] ${stage.title}`;
  console.log(bold(`\n${'='.repeat(78)}\n== ${header}\n${'='.repeat(78)}`));
  const t0 = performance.now();
  let outcome;
  try {
    outcome = await stage.run();
  } catch (error) {
    console.error(red(error.stack ?? String(error)));
    outcome = { code: 1 };
  }
  const ms = performance.now() - t0;
  const status = outcome.skipped ? 'skipped' : outcome.code === 0 ? 'passed' : 'failed';
  results.push({ stage, status, ms, counts: outcome.counts });
  const mark = { passed: green('PASS'), failed: red('FAIL'), skipped: yellow('SKIP') }[status];
  console.log(bold(`== ${mark} ${stage.title} in ${seconds(ms)}${status === 'failed' ? ` (exit code ${outcome.code})` : ''}`));
  if (status === 'failed') {
    failed = true;
    break;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
console.log(bold(`\n${'='.repeat(78)}\n== Summary\n${'='.repeat(78)}`));
for (const stage of selected) {
  const result = results.find((r) => r.stage === stage);
  const status = result?.status ?? 'not run';
  const counts = result?.counts;
  if (counts) for (const key of Object.keys(totals)) totals[key] += counts[key];
  const tally = counts ? `  ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : '';
  const paintStatus = { passed: green, failed: red, skipped: yellow }[status] ?? ((s) => s);
  console.log(
    `  ${paintStatus(status.padEnd(8))} ${stage.title.padEnd(40)} ${result ? seconds(result.ms).padStart(7) : '       '}${tally}`,
  );
}
const skippedStages = results.filter((r) => r.status === 'skipped');
if (skippedStages.length)
  console.log(yellow(`  WARNING: skipped ${skippedStages.map((r) => r.stage.id).join(', ')}; this run does not cover them.`));
console.log(`  total time ${seconds(performance.now() - started)}${totals.skipped ? `; ${totals.skipped} test cases skipped` : ''}`);
const ciStartedAt = Number(process.env.GUILDHALL_CI_STARTED_AT);
if (ciStartedAt) console.log(`  .ci/run so far ${seconds(Date.now() - ciStartedAt * 1000)} (installs included)`);
cleanUp();
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed ? 1 : 0);

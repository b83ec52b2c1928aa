#!/usr/bin/env node
// Builds the web app (apps/web → apps/web/dist) and records what it was built from, so that
// `npm start` can skip the build when nothing changed.
//
//   node scripts/build-web.mjs              build (what `npm run build` runs)
//   node scripts/build-web.mjs --if-needed  build only when the sources changed
//
// "Changed" is a SHA-256 over the web app's and the shared package's files and the lockfile,
// kept in apps/web/dist/.source-hash by the build that produced dist.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'apps', 'web');
const dist = join(web, 'dist');
const hashFile = join(dist, '.source-hash');

const SKIP_DIRS = new Set(['node_modules', 'dist', '.vite', '.cache', 'coverage', 'test-results']);

/** Every file under dir, skipping dependency and output folders. */
export function listFiles(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) listFiles(path, out);
    } else if (entry.isFile()) {
      out.push(path);
    }
  }
  return out;
}

export function sourceHash() {
  const files = [...listFiles(web), ...listFiles(join(root, 'packages', 'shared')), join(root, 'package-lock.json')]
    .filter((f) => existsSync(f))
    .map((f) => relative(root, f))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function hasWebApp() {
  return existsSync(join(web, 'index.html'));
}

/** Builds unless `ifNeeded` and dist was built from the current sources; returns the exit status. */
export function buildWeb({ ifNeeded = false, log = console.log } = {}) {
  const t0 = performance.now();
  const hash = sourceHash();
  const built = existsSync(join(dist, 'index.html')) && existsSync(hashFile) ? readFileSync(hashFile, 'utf8').trim() : null;
  if (ifNeeded && built === hash) {
    log(`web app is up to date (checked in ${Math.round(performance.now() - t0)} ms).`);
    return 0;
  }
  if (ifNeeded) log(built ? 'web sources changed; rebuilding the web app…' : 'building the web app…');
  const build = spawnSync('npm', ['run', 'build', '--workspace', '@guildhall/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;
  writeFileSync(hashFile, `${hash}\n`);
  log(`web app built in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ifNeeded = process.argv.includes('--if-needed');
  process.exit(buildWeb({ ifNeeded }));
}

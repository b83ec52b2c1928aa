#!/usr/bin/env node
// `npm start`: builds the web app when its sources changed since the last build
// (scripts/build-web.mjs), then runs the server in this process, from the repository root, so
// that the default DATABASE_URL, sqlite:./data/guildhall.db, lands in ./data. The server
// applies pending migrations as it starts.
//
//   npm start                           build if needed, then serve
//   npm run demo                        the same with GUILDHALL_DEMO=1 (sample data)
//   node scripts/start.mjs --rebuild    build the web app even when nothing changed
//
// The server's TypeScript runs as one esbuild bundle of apps/server/src and packages/shared
// (dependencies stay in node_modules), cached by a hash of those sources: loading it costs
// about a third of the CPU time that loading each file through tsx's hooks does, which is
// most of a second start. GUILDHALL_START_WITH_TSX=1 runs apps/server/src/server.ts through
// tsx instead, as `npm run dev` does; so does any failure to bundle.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWeb, hasWebApp, listFiles } from './build-web.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const serverEntry = join(root, 'apps', 'server', 'src', 'server.ts');
// Inside the server workspace's node_modules, so that its dependencies resolve from the bundle
// exactly as they do from its sources (its own node_modules first, then the root's).
const cacheDir = join(root, 'apps', 'server', 'node_modules', '.cache', 'guildhall');

const args = process.argv.slice(2);
const demo = args.includes('--demo');
const rebuild = args.includes('--rebuild');
const unknown = args.filter((a) => a !== '--demo' && a !== '--rebuild');
if (unknown.length) {
  console.error(`unknown option(s): ${unknown.join(' ')}\nusage: node scripts/start.mjs [--demo] [--rebuild]`);
  process.exit(2);
}
const log = (message) => console.log(`start: ${message}`);
// Relative paths in the configuration (the default database among them) mean the repository root.
process.chdir(root);

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx' };

/**
 * Bundles the server's own code; every bare import other than @guildhall/* stays external.
 * import.meta.{url,filename,dirname} keep meaning the original source file, as under tsx.
 */
async function bundleServer() {
  if (process.env.GUILDHALL_START_WITH_TSX === '1') return null;
  let esbuild;
  try {
    // esbuild comes with tsx, which the server already depends on.
    esbuild = createRequire(join(root, 'node_modules', 'tsx', 'package.json'))('esbuild');
  } catch {
    return null;
  }
  const sources = [...listFiles(join(root, 'apps', 'server', 'src')), ...listFiles(join(root, 'packages', 'shared'))]
    .filter((file) => extname(file) in LOADERS || file.endsWith('.json'))
    .concat([join(root, 'tsconfig.base.json'), join(root, 'apps', 'server', 'tsconfig.json')].filter((file) => existsSync(file)))
    .filter((file) => !/\.test\.[cm]?[jt]sx?$/.test(file))
    .sort();
  const hash = createHash('sha256').update(`${root}\0${esbuild.version}\0`);
  for (const file of sources) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
  const outfile = join(cacheDir, `server-${hash.digest('hex').slice(0, 20)}.mjs`);
  if (existsSync(outfile)) return outfile;
  mkdirSync(cacheDir, { recursive: true });

  const t0 = performance.now();
  await esbuild.build({
    entryPoints: [serverEntry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'silent',
    plugins: [
      {
        name: 'guildhall-server',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@guildhall/') ? undefined : { path: args.path, external: true },
          );
          build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
            if (args.path.includes('/node_modules/')) return undefined;
            const source = readFileSync(args.path, 'utf8');
            if (!source.includes('import.meta')) return undefined;
            const contents = source
              .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
              .replaceAll('import.meta.filename', JSON.stringify(args.path))
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
            return { contents, loader: LOADERS[extname(args.path)] ?? 'ts', resolveDir: dirname(args.path) };
          });
        },
      },
    ],
  });
  for (const old of readdirSync(cacheDir)) {
    if (old.startsWith('server-') && !outfile.endsWith(old.replace(/\.map$/, ''))) rmSync(join(cacheDir, old), { force: true });
  }
  log(`server bundled in ${Math.round(performance.now() - t0)} ms.`);
  return outfile;
}

if (hasWebApp()) {
  const status = buildWeb({ ifNeeded: !rebuild, log });
  if (status !== 0) {
    console.error('start: the web app did not build; fix the error above and run npm start again.');
    process.exit(status);
  }
} else {
  log('apps/web has no index.html yet; serving the API only.');
}

let entry = null;
try {
  entry = await bundleServer();
} catch (error) {
  log(`could not bundle the server (${String(error.message ?? error).split('\n')[0]}); running it through tsx.`);
}

if (demo) process.env.GUILDHALL_DEMO = '1';
const host = process.env.HOST || '127.0.0.1';
const port = process.env.PORT || '3000';
log(`Guildhall${demo ? ' with demo data' : ''} at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/ (Ctrl+C stops it).`);
// The server runs in this very process, so signals reach its own shutdown handlers directly.
if (entry) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(serverEntry).href);
}

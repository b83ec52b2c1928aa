import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * DESIGN.md's web budget: the first load carries at most 250 KB of gzipped JavaScript, and the
 * heavy parts (Excalidraw, mermaid) load only on the routes that use them. A stray static import
 * of either would silently put megabytes into every first visit, so the build checks it.
 */
export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;

/** Packages that must never reach the initial load (matched on the module's node_modules path). */
export const HEAVY_PACKAGES = ['@excalidraw/', 'mermaid/', '@mermaid-js/'];

/** The parts of an output chunk the check reads (a subset of Rollup's and Rolldown's OutputChunk). */
export interface ChunkFacts {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  code: string;
  imports: string[];
  moduleIds: string[];
  modules?: Record<string, { renderedLength: number }>;
}

export type BundleFacts = Record<string, ChunkFacts | { type: 'asset' }>;

export interface InitialBundleReport {
  /** The entry chunks and every chunk they import statically: what index.html loads or modulepreloads. */
  files: string[];
  gzipBytes: number;
  /** `file: module` for each heavy module found in the initial chunks. */
  heavyModules: string[];
  problems: string[];
}

function heavyPackageOf(moduleId: string): string | undefined {
  const path = moduleId.replaceAll('\\', '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const inside = path.slice(at + '/node_modules/'.length);
  return HEAVY_PACKAGES.find((name) => inside.startsWith(name));
}

export function analyseInitialBundle(bundle: BundleFacts, budgetBytes = INITIAL_JS_BUDGET_BYTES): InitialBundleReport {
  const chunks = new Map<string, ChunkFacts>();
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);

  const initial: string[] = [];
  const pending = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  while (pending.length) {
    const fileName = pending.shift() as string;
    if (initial.includes(fileName)) continue;
    const chunk = chunks.get(fileName);
    if (!chunk) continue;
    initial.push(fileName);
    pending.push(...chunk.imports);
  }

  let gzipBytes = 0;
  const heavyModules: string[] = [];
  for (const fileName of initial) {
    const chunk = chunks.get(fileName) as ChunkFacts;
    gzipBytes += gzipSync(chunk.code).length;
    for (const id of chunk.moduleIds) {
      // A module tree-shaken down to nothing (a type-only or unused import) costs nothing.
      if ((chunk.modules?.[id]?.renderedLength ?? 1) === 0) continue;
      if (heavyPackageOf(id)) heavyModules.push(`${fileName}: ${id}`);
    }
  }

  const problems: string[] = [];
  if (initial.length === 0) problems.push('no entry chunk found in the bundle');
  if (heavyModules.length) {
    const found = [...new Set(heavyModules.map((m) => heavyPackageOf(m.slice(m.indexOf(': ') + 2))?.replace(/\/$/, '')))].join(', ');
    problems.push(`the initial bundle contains ${found} (import it dynamically, only where it is used):\n  ${heavyModules.join('\n  ')}`);
  }
  if (gzipBytes > budgetBytes) {
    problems.push(`the initial JavaScript is ${formatKb(gzipBytes)} gzipped, over the ${formatKb(budgetBytes)} budget`);
  }
  return { files: initial, gzipBytes, heavyModules, problems };
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Fails `vite build` when the initial load breaks the budget; prints its measured size either way. */
export function initialBundleBudget(budgetBytes = INITIAL_JS_BUDGET_BYTES): Plugin {
  return {
    name: 'guildhall-initial-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report = analyseInitialBundle(bundle as unknown as BundleFacts, budgetBytes);
      if (report.problems.length) this.error(`initial bundle budget: ${report.problems.join('\n')}`);
      // Printed on every build so the number is visible in CI logs long before it hits the limit.
      console.log(
        `initial JS: ${formatKb(report.gzipBytes)} gzipped of ${formatKb(budgetBytes)} (${report.files.length} chunks: ${report.files.join(', ')}); no Excalidraw or mermaid`,
      );
    },
  };
}

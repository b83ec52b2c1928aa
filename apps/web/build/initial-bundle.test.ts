import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyseInitialBundle, type BundleFacts, type ChunkFacts, INITIAL_JS_BUDGET_BYTES } from './initial-bundle.ts';

const app = '/repo/apps/web/src';
const nm = '/repo/node_modules';

function chunk(fileName: string, facts: Partial<ChunkFacts> = {}): ChunkFacts {
  return {
    type: 'chunk',
    fileName,
    isEntry: false,
    code: `export const x = ${JSON.stringify(fileName)};`,
    imports: [],
    moduleIds: [],
    ...facts,
  };
}

function bundle(...chunks: ChunkFacts[]): BundleFacts {
  return Object.fromEntries([...chunks.map((c) => [c.fileName, c] as const), ['index.css', { type: 'asset' as const }]]);
}

describe('the initial bundle check', () => {
  it('follows static imports from the entry and passes a lean bundle that loads heavy parts dynamically', () => {
    const report = analyseInitialBundle(
      bundle(
        chunk('index.js', { isEntry: true, imports: ['react.js'], moduleIds: [`${app}/app/main.tsx`] }),
        chunk('react.js', { imports: ['index.js'], moduleIds: [`${nm}/react/index.js`] }),
        chunk('whiteboard.js', { moduleIds: [`${nm}/@excalidraw/excalidraw/dist/prod/index.js`] }),
        chunk('mermaid.core.js', { moduleIds: [`${nm}/mermaid/dist/mermaid.core.mjs`] }),
      ),
    );
    expect(report.problems).toEqual([]);
    expect(report.files).toEqual(['index.js', 'react.js']);
    expect(report.gzipBytes).toBeGreaterThan(0);
  });

  it('fails when a chunk the entry imports statically carries Excalidraw', () => {
    const report = analyseInitialBundle(
      bundle(
        chunk('index.js', { isEntry: true, imports: ['shared.js'] }),
        chunk('shared.js', { imports: ['vendor.js'] }),
        chunk('vendor.js', { moduleIds: [`${nm}/@excalidraw/excalidraw/dist/prod/index.js`] }),
      ),
    );
    expect(report.heavyModules).toEqual([`vendor.js: ${nm}/@excalidraw/excalidraw/dist/prod/index.js`]);
    expect(report.problems.join('\n')).toMatch(/contains @excalidraw/);
  });

  it('fails when the entry itself carries mermaid or one of its packages', () => {
    const report = analyseInitialBundle(
      bundle(
        chunk('index.js', { isEntry: true, moduleIds: [`${nm}/mermaid/dist/mermaid.core.mjs`, `${nm}/@mermaid-js/parser/dist/index.js`] }),
      ),
    );
    expect(report.heavyModules).toHaveLength(2);
    expect(report.problems.join('\n')).toMatch(/contains mermaid, @mermaid-js/);
  });

  it('ignores modules tree-shaken to nothing and packages whose names merely contain a heavy one', () => {
    const report = analyseInitialBundle(
      bundle(
        chunk('index.js', {
          isEntry: true,
          moduleIds: [`${nm}/mermaid/dist/types.mjs`, `${nm}/not-mermaid/index.js`, `${app}/features/knowledge/lib/mermaid.ts`],
          modules: {
            [`${nm}/mermaid/dist/types.mjs`]: { renderedLength: 0 },
            [`${nm}/not-mermaid/index.js`]: { renderedLength: 10 },
            [`${app}/features/knowledge/lib/mermaid.ts`]: { renderedLength: 10 },
          },
        }),
      ),
    );
    expect(report.problems).toEqual([]);
  });

  it('fails when the initial JavaScript is over the gzipped budget', () => {
    // Random bytes barely compress: their base64 gzips to about three quarters of its length.
    const noise = randomBytes(INITIAL_JS_BUDGET_BYTES).toString('base64');
    const report = analyseInitialBundle(
      bundle(chunk('index.js', { isEntry: true, imports: ['big.js'] }), chunk('big.js', { code: noise })),
    );
    expect(report.gzipBytes).toBeGreaterThan(INITIAL_JS_BUDGET_BYTES);
    expect(report.problems.join('\n')).toMatch(/over the 250\.0 KB budget/);
  });

  it('fails when there is no entry chunk at all', () => {
    expect(analyseInitialBundle(bundle(chunk('lazy.js'))).problems).toEqual(['no entry chunk found in the bundle']);
  });
});

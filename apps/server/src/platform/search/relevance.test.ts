import { describe, expect, it } from 'vitest';
import { parseQuery } from './query-syntax.ts';
import { windowBm25 } from './relevance.ts';

describe('window BM25', () => {
  it('ranks more and earlier occurrences higher, titles above bodies, stems alike', () => {
    const scores = windowBm25(parseQuery('deploy canary'), [
      { title: 'Lunch menu', body: 'deploying on fridays' },
      { title: 'Canary deploys', body: 'we deploy a canary first' },
      { title: 'Notes', body: 'canary canary deploy' },
      { title: 'Unrelated', body: 'nothing here' },
    ]);
    expect(scores[1]).toBeGreaterThan(scores[2] ?? 0);
    expect(scores[2]).toBeGreaterThan(scores[0] ?? 0);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[3]).toBe(0);
  });

  it('does not count a word inside another word', () => {
    const [inside, whole] = windowBm25(parseQuery('cat'), [
      { title: '', body: 'concatenate' },
      { title: '', body: 'a cat' },
    ]);
    expect(inside).toBe(0);
    expect(whole).toBeGreaterThan(0);
  });
});

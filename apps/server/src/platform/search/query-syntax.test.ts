import { describe, expect, it } from 'vitest';
import { parseQuery, toFts5, toTsquery } from './query-syntax.ts';

describe('query syntax', () => {
  it('groups OR alternatives and keeps exclusions apart', () => {
    expect(parseQuery('redis OR memcached eviction -"slab calcification" -lru')).toEqual({
      groups: [[['redis'], ['memcached']], [['eviction']]],
      excluded: [['slab', 'calcification'], ['lru']],
    });
  });

  it('turns punctuated words into phrases and drops engine syntax', () => {
    expect(parseQuery('node.js NEAR(a b) title:x *')).toEqual({
      groups: [[['node', 'js']], [['near', 'a']], [['b']], [['title', 'x']]],
      excluded: [],
    });
  });

  it('renders the same meaning for FTS5 and tsquery', () => {
    const q = parseQuery('"tail sampling" redis OR memcached -lru');
    expect(toFts5(q)).toBe('"tail sampling" AND ("redis" OR "memcached") NOT "lru"');
    expect(toTsquery(q)).toEqual({
      expression:
        "(phraseto_tsquery('english', $1)) && (plainto_tsquery('english', $2) || plainto_tsquery('english', $3)) && !!plainto_tsquery('english', $4)",
      params: ['tail sampling', 'redis', 'memcached', 'lru'],
    });
  });

  it('ignores a leading or dangling OR', () => {
    expect(parseQuery('OR redis OR').groups).toEqual([[['redis']]]);
  });

  it('refuses a query with nothing to look for', () => {
    for (const q of ['-redis', '"" ---', 'OR']) expect(() => parseQuery(q), q).toThrow(/at least one word/);
  });
});

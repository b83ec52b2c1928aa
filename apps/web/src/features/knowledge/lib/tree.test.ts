import type { PageTreeNode } from '@guildhall/shared';
import { describe, expect, it } from 'vitest';
import { buildTree, pathTitles, subtreeIds, visibleRows } from './tree';

const node = (id: string, title: string, parentId: string | null = null): PageTreeNode => ({
  id,
  parentId,
  title,
  kind: 'guide',
  status: 'published',
  isStale: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const items = [
  node('b', 'Beta'),
  node('a', 'alpha'),
  node('a2', 'Zeta child', 'a'),
  node('a1', 'Another child', 'a'),
  node('a1x', 'Deep', 'a1'),
];

describe('the page tree', () => {
  it('nests pages under their parents, siblings A–Z regardless of case, with their depth', () => {
    const roots = buildTree(items);
    expect(roots.map((n) => n.title)).toEqual(['alpha', 'Beta']);
    const alpha = roots[0];
    expect(alpha?.children.map((n) => [n.title, n.depth])).toEqual([
      ['Another child', 1],
      ['Zeta child', 1],
    ]);
    expect(alpha?.children[0]?.children.map((n) => [n.title, n.depth])).toEqual([['Deep', 2]]);
  });

  it('puts a page whose parent it cannot see at the top level, and survives a cycle', () => {
    const roots = buildTree([node('x', 'Orphan', 'hidden-draft'), node('p', 'P', 'q'), node('q', 'Q', 'p')]);
    expect(roots.map((n) => n.title)).toEqual(['Orphan']);
    // p and q point at each other: neither is a root, so neither shows, and nothing loops.
    expect(buildTree([node('s', 'Self', 's')]).map((n) => n.title)).toEqual(['Self']);
  });

  it('lists only the rows of expanded branches, top to bottom', () => {
    const roots = buildTree(items);
    expect(visibleRows(roots, new Set()).map((n) => n.id)).toEqual(['a', 'b']);
    expect(visibleRows(roots, new Set(['a'])).map((n) => n.id)).toEqual(['a', 'a1', 'a2', 'b']);
    expect(visibleRows(roots, new Set(['a', 'a1'])).map((n) => n.id)).toEqual(['a', 'a1', 'a1x', 'a2', 'b']);
    // An expanded branch under a folded one stays hidden.
    expect(visibleRows(roots, new Set(['a1'])).map((n) => n.id)).toEqual(['a', 'b']);
  });

  it('knows a page’s own subtree (where it may not move) and names nested pages by their path', () => {
    expect([...subtreeIds(items, 'a')].sort()).toEqual(['a', 'a1', 'a1x', 'a2']);
    expect([...subtreeIds(items, 'b')]).toEqual(['b']);
    expect(pathTitles(items).get('a1x')).toBe('alpha › Another child › Deep');
  });
});

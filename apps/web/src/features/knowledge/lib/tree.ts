import type { PageTreeNode } from '@guildhall/shared';

export type TreeNode = PageTreeNode & { children: TreeNode[]; depth: number };

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' });

/**
 * The flat list the API answers as a forest, siblings A–Z. A node whose parent is not in the
 * list (a draft the reader cannot see) sits at the top level, and a malformed cycle cannot
 * loop: every node is placed once.
 */
export function buildTree(items: PageTreeNode[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>(items.map((item) => [item.id, { ...item, children: [], depth: 0 }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const seen = new Set<string>();
  const settle = (list: TreeNode[], depth: number): TreeNode[] =>
    list
      .filter((n) => !seen.has(n.id) && seen.add(n.id))
      .sort(byTitle)
      .map((n) => {
        n.depth = depth;
        n.children = settle(n.children, depth + 1);
        return n;
      });
  return settle(roots, 0);
}

/** The ids of a page and everything under it: a page cannot move under itself. */
export function subtreeIds(items: PageTreeNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const item of items) if (item.parentId) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item.id]);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Visible rows, top to bottom, of a tree with some nodes expanded. */
export function visibleRows(roots: TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  const rows: TreeNode[] = [];
  const walk = (list: TreeNode[]) => {
    for (const node of list) {
      rows.push(node);
      if (node.children.length && expanded.has(node.id)) walk(node.children);
    }
  };
  walk(roots);
  return rows;
}

/** Titles of nested pages read "Parent › Child" in flat pickers. */
export function pathTitles(items: PageTreeNode[]): Map<string, string> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out = new Map<string, string>();
  for (const item of items) {
    const parts = [item.title];
    let parent = item.parentId ? byId.get(item.parentId) : undefined;
    for (let hops = 0; parent && hops < 12; hops++) {
      parts.unshift(parent.title);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    out.set(item.id, parts.join(' › '));
  }
  return out;
}

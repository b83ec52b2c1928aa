import type { PageTreeNode } from '@guildhall/shared';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { knowledgePaths } from '../lib/paths';
import { buildTree, type TreeNode, visibleRows } from '../lib/tree';
import { StatusBadges } from './page-badges';
import classes from './page-tree.module.css';

type Props = { slug: string; nodes: PageTreeNode[]; currentId?: string; label?: string };

/** Small spaces open fully; larger ones start folded at the top level. */
const EXPAND_ALL_UP_TO = 30;

function initiallyExpanded(nodes: PageTreeNode[], currentId?: string): Set<string> {
  if (nodes.length <= EXPAND_ALL_UP_TO) return new Set(nodes.filter((n) => nodes.some((c) => c.parentId === n.id)).map((n) => n.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const open = new Set<string>();
  let parent = currentId ? byId.get(currentId)?.parentId : null;
  for (let hops = 0; parent && hops < 12; hops++) {
    open.add(parent);
    parent = byId.get(parent)?.parentId ?? null;
  }
  return open;
}

/**
 * The community's pages as a navigation tree (WAI-ARIA treeview of links): Tab reaches the tree
 * once, arrow keys move through it (Right opens a branch, Left closes it or goes to the parent,
 * Home and End jump), Enter follows the link. The chevron opens and closes with the mouse.
 */
export function PageTree({ slug, nodes, currentId, label = 'Pages' }: Props) {
  const roots = useMemo(() => buildTree(nodes), [nodes]);
  const [expanded, setExpanded] = useState(() => initiallyExpanded(nodes, currentId));
  const rows = visibleRows(roots, expanded);
  const [focusId, setFocusId] = useState<string | undefined>(currentId);
  const tabStop = rows.some((r) => r.id === focusId) ? focusId : rows[0]?.id;
  const items = useRef(new Map<string, HTMLAnchorElement>());
  const moveFocus = useRef(false);

  useEffect(() => {
    if (!moveFocus.current || !tabStop) return;
    moveFocus.current = false;
    items.current.get(tabStop)?.focus();
  }, [tabStop]);

  const focus = (id: string | undefined) => {
    if (!id) return;
    moveFocus.current = true;
    setFocusId(id);
    items.current.get(id)?.focus();
  };

  const toggle = (id: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = rows.findIndex((r) => r.id === tabStop);
    const row = rows[index];
    if (!row) return;
    const isOpen = row.children.length > 0 && expanded.has(row.id);
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
        focus(rows[index + 1]?.id);
        break;
      case 'ArrowUp':
        focus(rows[index - 1]?.id);
        break;
      case 'Home':
        focus(rows[0]?.id);
        break;
      case 'End':
        focus(rows.at(-1)?.id);
        break;
      case 'ArrowRight':
        if (isOpen) focus(row.children[0]?.id);
        else if (row.children.length) toggle(row.id, true);
        break;
      case 'ArrowLeft':
        if (isOpen) toggle(row.id, false);
        else focus(rows.slice(0, index).findLast((r) => r.depth === row.depth - 1)?.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const renderNode = (node: TreeNode, position: number, siblings: number) => {
    const hasChildren = node.children.length > 0;
    const isOpen = hasChildren && expanded.has(node.id);
    const groupId = `tree-group-${node.id}`;
    return (
      <div key={node.id}>
        <Link
          ref={(el) => {
            if (el) items.current.set(node.id, el);
            else items.current.delete(node.id);
          }}
          to={knowledgePaths.page(slug, node.id)}
          role="treeitem"
          className={classes.item}
          tabIndex={node.id === tabStop ? 0 : -1}
          aria-level={node.depth + 1}
          aria-setsize={siblings}
          aria-posinset={position}
          aria-expanded={hasChildren ? isOpen : undefined}
          aria-owns={isOpen ? groupId : undefined}
          aria-current={node.id === currentId ? 'page' : undefined}
          onFocus={() => setFocusId(node.id)}
          data-testid="tree-item"
        >
          {hasChildren ? (
            // The mouse's way to fold; the keyboard's is Left and Right. Not a button: a treeitem is the one stop.
            <span
              className={classes.toggle}
              aria-hidden
              onClick={(event) => {
                event.preventDefault();
                event.stopPropagation();
                toggle(node.id);
              }}
              data-testid="tree-toggle"
            >
              {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </span>
          ) : (
            <span className={classes.spacer} />
          )}
          <span className={classes.title}>{node.title}</span>
          <StatusBadges status={node.status} isStale={node.isStale} size="xs" />
        </Link>
        {isOpen && (
          // biome-ignore lint/a11y/useSemanticElements: a treeview's branch is an ARIA group, not a form fieldset
          <div role="group" id={groupId} className={classes.group}>
            {node.children.map((child, i) => renderNode(child, i + 1, node.children.length))}
          </div>
        )}
      </div>
    );
  };

  return (
    <div role="tree" aria-label={label} className={classes.tree} onKeyDown={onKeyDown} data-testid="page-tree">
      {roots.map((node, i) => renderNode(node, i + 1, roots.length))}
    </div>
  );
}

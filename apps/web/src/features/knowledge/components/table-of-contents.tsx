import type { TocEntry } from '@guildhall/shared';
import { Paper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { MouseEvent } from 'react';
import classes from './table-of-contents.module.css';

/** Moves to the heading and its focus there too, so the next Tab continues from it. */
function goTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const heading = document.getElementById(id);
  if (!heading) return;
  event.preventDefault();
  heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
  history.replaceState(history.state, '', `#${id}`);
}

/**
 * The page's outline from the API (`toc`): beside the text and sticky on wide screens, folded
 * into a "Contents" disclosure above it on phones. Pages with fewer than two headings need none.
 */
export function TableOfContents({ toc }: { toc: TocEntry[] }) {
  const wide = useMediaQuery('(min-width: 62em)');
  if (toc.length < 2) return null;
  const top = Math.min(...toc.map((e) => e.level));
  const list = (
    <ul className={classes.list}>
      {toc.map((entry) => (
        <li key={entry.id} style={{ paddingLeft: `${(entry.level - top) * 12}px` }}>
          <a href={`#${entry.id}`} onClick={(e) => goTo(e, entry.id)}>
            {entry.text || 'Untitled section'}
          </a>
        </li>
      ))}
    </ul>
  );
  if (wide) {
    return (
      <nav aria-label="Contents" className={classes.sticky} data-testid="toc">
        <Text fw={600} size="sm" mb={4}>
          Contents
        </Text>
        {list}
      </nav>
    );
  }
  return (
    <Paper withBorder px="sm" component="nav" aria-label="Contents" data-testid="toc">
      <details className={classes.details}>
        <summary>Contents</summary>
        {list}
      </details>
    </Paper>
  );
}

import type { NewcomerItem, NewcomerItemKind } from '@guildhall/shared';
import { Anchor, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';

export const KIND_LABELS: Record<NewcomerItemKind, string> = {
  page: 'Read a page',
  session: 'Watch a past session',
  thread: 'Answer a first question',
  text: 'Advice',
};

const ACTIONS: Record<NewcomerItemKind, string> = {
  page: 'Open the page',
  session: 'Open the session',
  thread: 'Go to the question',
  text: '',
};

/** Where a step leads: a Guildhall path, an https address (new tab), or a question thread. */
export function StepLink({ item }: { item: NewcomerItem }) {
  const target = item.kind === 'thread' && item.threadId ? `/threads/${item.threadId}` : item.url;
  if (!target || item.kind === 'text') return null;
  const label = (
    <>
      {ACTIONS[item.kind]}
      <VisuallyHidden>: {item.title}</VisuallyHidden>
    </>
  );
  if (target.startsWith('/')) {
    return (
      <Anchor component={Link} to={target} size="sm">
        {label}
      </Anchor>
    );
  }
  return (
    <Anchor href={target} target="_blank" rel="noopener noreferrer" size="sm">
      {label}
      <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
    </Anchor>
  );
}

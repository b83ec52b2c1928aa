import type { OriginType } from '@guildhall/shared';
import { Anchor, Group, Text } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { useCaptures } from '../api/get-captures';
import { knowledgePaths } from '../lib/paths';
import { StatusBadges } from './page-badges';

type Props = {
  /** 'thread' for a question, 'challenge' for a challenge, 'occurrence' for a session. */
  sourceType: OriginType;
  /** The thread's id, or `<eventId>/<occurrenceKey>` for a session. */
  sourceId: string;
};

/** "Captured in <page>": the knowledge pages made from this thread or session, as far as the viewer may see them. */
export function CapturedIn({ sourceType, sourceId }: Props) {
  const captures = useCaptures(sourceType, sourceId);
  if (captures.isPending) return null;
  if (captures.isError) {
    return (
      <Text size="sm" c="dimmed">
        Whether this was captured as knowledge could not be checked just now.
      </Text>
    );
  }
  const items = captures.data.items;
  if (items.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="captured-in">
      <IconBook2 size={16} aria-hidden color="var(--mantine-color-indigo-8)" />
      <Text size="sm">Captured in</Text>
      {items.map((page, i) => (
        <Fragment key={page.id}>
          {i > 0 && <Text size="sm">·</Text>}
          <Anchor component={Link} to={knowledgePaths.page(page.community.slug, page.id)} size="sm">
            {page.title}
          </Anchor>
          <StatusBadges status={page.status} size="xs" />
        </Fragment>
      ))}
    </Group>
  );
}

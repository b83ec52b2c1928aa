import type { PageOrigin } from '@guildhall/shared';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

const SOURCES: Record<PageOrigin['type'], string> = { thread: 'question', challenge: 'challenge', occurrence: 'session' };

/** "Captured from the question …": where the page's knowledge first showed up. */
export function PageOriginLine({ origin }: { origin: PageOrigin }) {
  return (
    <Text size="sm" c="dimmed" data-testid="page-origin">
      Captured from the {SOURCES[origin.type]}{' '}
      {origin.link.startsWith('/') ? (
        <Anchor component={Link} to={origin.link} size="sm">
          {origin.title || 'its source'}
        </Anchor>
      ) : (
        origin.title
      )}
    </Text>
  );
}

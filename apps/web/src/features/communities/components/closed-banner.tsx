import type { Community } from '@guildhall/shared';
import { Alert, Anchor } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useLifecycle } from '../api/get-lifecycle';

/** Above every tab of a closed community: read-only, and where its work carries on. */
export function ClosedBanner({ community }: { community: Community }) {
  const closed = community.stage === 'archived';
  const lifecycle = useLifecycle(community.slug, closed);
  if (!closed) return null;
  const successor = lifecycle.data?.successor;
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconArchive aria-hidden />}
      title="This community is closed"
      mb="lg"
      data-testid="closed-banner"
    >
      It stays readable and searchable, but takes no new threads, sessions, members or charter edits.
      {successor && (
        <>
          {' '}
          Its work carries on in{' '}
          <Anchor component={Link} to={`/communities/${successor.slug}`} fw={600} underline="always">
            {successor.name}
          </Anchor>
          .
        </>
      )}
    </Alert>
  );
}

import type { Community } from '@guildhall/shared';
import { Anchor, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import { useCommunityProposal } from '../api/get-community-proposal';

/**
 * "Started from a proposal by …": the proposal's history stays readable from the community.
 * Only asked for when the stage history says the community was launched from one.
 */
export function ProposalOrigin({ community }: { community: Community }) {
  const proposal = useCommunityProposal(community.slug);
  if (!proposal.data) return null;
  const p = proposal.data;
  return (
    <Text size="sm" c="dimmed" data-testid="proposal-origin">
      <IconBulb size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
      Started from{' '}
      <Anchor component={Link} to={`/proposals/${p.id}`} size="sm" underline="always">
        a proposal by {p.proposer.name}
      </Anchor>
      {p.closedAt && `, launched ${formatDate(p.closedAt)}`}, with {p.readiness.interested} people interested.
    </Text>
  );
}

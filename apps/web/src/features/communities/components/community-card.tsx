import type { CommunitySummary } from '@guildhall/shared';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CommunityBadges } from './community-badges';

type Props = {
  community: CommunitySummary;
  /** e.g. an "Accept invitation" button on the home page. */
  action?: ReactNode;
  headingOrder?: 2 | 3;
};

export function CommunityCard({ community, action, headingOrder = 3 }: Props) {
  return (
    <Card withBorder padding="lg" component="article" data-testid="community-card" aria-labelledby={`community-${community.id}`}>
      <Stack gap="sm" h="100%">
        <Title order={headingOrder} size="h4" id={`community-${community.id}`}>
          <Anchor component={Link} to={`/communities/${community.slug}`} c="inherit" fw={600} underline="hover">
            {community.name}
          </Anchor>
        </Title>
        <Text size="sm" lineClamp={3} style={{ flex: 1 }}>
          {community.domain}
        </Text>
        <CommunityBadges community={community} />
        {action && <Group gap="sm">{action}</Group>}
      </Stack>
    </Card>
  );
}

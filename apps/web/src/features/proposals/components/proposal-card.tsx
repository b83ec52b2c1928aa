import { CATEGORY_LABELS, type ProposalSummary } from '@guildhall/shared';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatRelative } from '@/lib/format';
import { ProposalStatusBadge, ReadinessLine } from './readiness';

type Props = { proposal: ProposalSummary; headingOrder?: 2 | 3 | 4; action?: ReactNode };

/** A proposal at a glance: topic, first focus, who proposed it, how close it is to launch. */
export function ProposalCard({ proposal: p, headingOrder = 3, action }: Props) {
  const headingId = `proposal-${p.id}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId} data-testid="proposal-card">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={headingOrder} size="h4" id={headingId}>
            <Anchor component={Link} to={`/proposals/${p.id}`} c="inherit" fw={600} underline="hover">
              {p.topic}
            </Anchor>
          </Title>
          <ProposalStatusBadge status={p.status} readiness={p.readiness} />
        </Group>
        <Text size="sm" lineClamp={2} style={{ flex: 1 }}>
          First focus: {p.firstFocus}
        </Text>
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color="indigo" tt="none">
            {CATEGORY_LABELS[p.category]}
          </Badge>
          {p.myInterest.length > 0 && (
            <Badge variant="light" color="violet" tt="none">
              You signalled interest
            </Badge>
          )}
        </Group>
        {p.status === 'open' && <ReadinessLine readiness={p.readiness} />}
        <Text size="xs" c="dimmed">
          Proposed by {p.proposer.name} · {formatRelative(p.createdAt)}
          {p.community && (
            <>
              {' · became '}
              <Anchor component={Link} to={`/communities/${p.community.slug}`} size="xs" underline="always">
                {p.community.name}
              </Anchor>
            </>
          )}
        </Text>
        {action}
      </Stack>
    </Card>
  );
}

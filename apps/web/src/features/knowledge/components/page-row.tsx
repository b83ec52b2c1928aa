import type { PageSummary } from '@guildhall/shared';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatRelative } from '@/lib/format';
import { knowledgePaths } from '../lib/paths';
import { KindBadge, StatusBadges } from './page-badges';

type Props = { slug: string; page: PageSummary; showReview?: boolean };

/** One page in a list: its title as the link, what kind it is, who owns it and how fresh it is. */
export function PageRow({ slug, page, showReview }: Props) {
  return (
    <Paper withBorder p="sm" component="li" data-testid="page-row">
      <Stack gap={4}>
        <Anchor component={Link} to={knowledgePaths.page(slug, page.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {page.title}
        </Anchor>
        <Group gap={6} wrap="wrap">
          <KindBadge kind={page.kind} size="xs" />
          <StatusBadges status={page.status} isStale={page.isStale} size="xs" />
          <Text size="xs" c="dimmed">
            {page.owner ? `Owned by ${page.owner.name}` : 'No owner'} · updated {formatRelative(page.updatedAt)}
            {showReview && ` · review by ${formatDate(page.reviewBy)}`}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

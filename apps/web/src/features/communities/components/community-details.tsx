import { CADENCE_LABELS, CATEGORY_LABELS, type Community } from '@guildhall/shared';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { formatDate, plural } from '@/lib/format';
import { STAGE_LABELS } from './labels';

/** The facts of a community as a definition list, so each value is read with its name. */
export function CommunityDetails({ community }: { community: Community }) {
  const facts: [string, string][] = [
    ['Category', CATEGORY_LABELS[community.category]],
    ['Cadence', CADENCE_LABELS[community.cadence]],
    ['Stage', STAGE_LABELS[community.stage]],
    ['Visibility', community.visibility === 'open' ? 'Open to everyone' : 'Private'],
    ['Members', plural(community.memberCount, 'member')],
    ['Started', formatDate(community.createdAt)],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="details-heading">
      <Title order={2} size="h4" id="details-heading" mb="sm">
        Details
      </Title>
      <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing={6} m={0} data-testid="community-details">
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="dimmed">
              {term}
            </Text>
            <Text component="dd" size="sm" fw={500} m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

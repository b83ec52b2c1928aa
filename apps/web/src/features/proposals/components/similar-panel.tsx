import { STAGE_LABELS, type Stage } from '@guildhall/shared';
import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useSimilar } from '../api/get-similar';

/**
 * Communities and open proposals like the topic being typed, so the organisation does not
 * split into duplicates: joining or backing one that exists is often the better move. Links
 * open in a new tab, so a half-written proposal is not lost.
 */
export function SimilarPanel({ topic }: { topic: string }) {
  const similar = useSimilar(topic);
  const communities = similar.data?.communities ?? [];
  const proposals = similar.data?.proposals ?? [];
  const wanted = topic.trim();
  const nothing = communities.length === 0 && proposals.length === 0;

  return (
    <Paper withBorder p="md" bg="gray.0" component="section" aria-labelledby="similar-heading" data-testid="similar">
      <Stack gap="xs" aria-live="polite">
        <Group gap="xs" justify="space-between">
          <Title order={2} size="h5" id="similar-heading">
            Similar communities and proposals
          </Title>
          {similar.isFetching && <Loader size="xs" aria-label="Looking for similar ones" />}
        </Group>
        {wanted.length < 2 ? (
          <Text size="sm" c="dimmed">
            As you type a topic, communities and proposals like it show up here.
          </Text>
        ) : similar.isError ? (
          <Text size="sm" c="dimmed">
            Similar ones could not be looked up right now; you can still propose.
          </Text>
        ) : nothing && !similar.isFetching ? (
          <Text size="sm" c="dimmed" data-testid="similar-none">
            Nothing like it yet. You may be the first.
          </Text>
        ) : (
          <>
            {!nothing && (
              <Text size="sm">Before proposing, see whether one of these already covers it: joining is quicker than starting.</Text>
            )}
            {communities.length > 0 && (
              <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Similar communities">
                {communities.map((c) => (
                  <li key={c.slug} data-testid="similar-community">
                    <Group gap={6} wrap="wrap">
                      <Badge size="xs" variant="light" color="indigo">
                        Community
                      </Badge>
                      <Anchor component={Link} to={`/communities/${c.slug}`} size="sm" fw={500} target="_blank">
                        {c.name}
                        <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
                      </Anchor>
                      <Text span size="xs" c="dimmed">
                        {STAGE_LABELS[c.stage as Stage] ?? c.stage}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {c.domain}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
            {proposals.length > 0 && (
              <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Similar proposals">
                {proposals.map((p) => (
                  <li key={p.id} data-testid="similar-proposal">
                    <Group gap={6} wrap="wrap">
                      <Badge size="xs" variant="light" color="violet">
                        Proposal
                      </Badge>
                      <Anchor component={Link} to={`/proposals/${p.id}`} size="sm" fw={500} target="_blank">
                        {p.topic}
                        <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
                      </Anchor>
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      First focus: {p.firstFocus}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

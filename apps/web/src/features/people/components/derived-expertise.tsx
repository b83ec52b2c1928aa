import { Badge, Group, Stack, Text } from '@mantine/core';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useExpertise } from '../api/get-expertise';
import { countsSummary, EvidenceList } from './evidence-list';

/**
 * Expertise derived from what a person did, per tag and per community, with the evidence:
 * named posts, talks given and pages written in communities the viewer may read, never
 * self-endorsements.
 */
export function DerivedExpertiseList({ personId }: { personId: string }) {
  const expertise = useExpertise(personId);
  if (expertise.isPending) return <ListSkeleton rows={2} height={40} />;
  if (expertise.isError)
    return (
      <ErrorState error={expertise.error} title="Expertise could not be loaded" headingOrder={3} onRetry={() => void expertise.refetch()} />
    );
  const derived = expertise.data.derived;
  if (derived.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="derived-empty">
        Nothing yet: answers, accepted answers, reactions to them, talks given and pages written show up here, topic by topic.
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="derived-skills">
      {derived.map((d) => {
        const counts = countsSummary(d.counts);
        return (
          <Stack key={`${d.kind}:${d.topic}`} component="li" gap={4}>
            <Group gap={6} wrap="wrap">
              <Badge variant="light" color={d.kind === 'tag' ? 'violet' : 'indigo'} tt="none">
                {d.kind === 'tag' ? `#${d.topic}` : d.topic}
              </Badge>
              <Text size="sm" c="dimmed">
                {counts}
              </Text>
            </Group>
            <EvidenceList evidence={d.evidence.slice(0, 3)} label={`Evidence for ${d.topic}`} />
          </Stack>
        );
      })}
    </Stack>
  );
}

import type { OccurrenceDetail } from '@guildhall/shared';
import { Anchor, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { isApiError } from '@/lib/api-client';
import { plural } from '@/lib/format';
import { useOccurrenceReflections } from '../api/reflections';
import { RATING_LABELS } from './reflection-form';

/** Facilitators: how the session landed — count, average usefulness, the spread, and what people wrote. */
export function ReflectionAggregate({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const report = useOccurrenceReflections(o.eventId, o.key, o.canManage);
  // Org admins may manage sessions but do not read reflections (written for the facilitators): no panel.
  if (isApiError(report.error) && report.error.status === 403) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="aggregate-heading" data-testid="reflection-aggregate">
      <Title order={3} size="h5" id="aggregate-heading">
        What attendees took away
      </Title>
      {report.isPending ? (
        <ListSkeleton rows={2} height={40} />
      ) : report.isError ? (
        <ErrorState error={report.error} title="Reflections could not be loaded" onRetry={() => void report.refetch()} />
      ) : report.data.summary.count === 0 ? (
        <Text size="sm" c="dimmed">
          No reflections yet.
        </Text>
      ) : (
        <>
          <Text fw={600} data-testid="reflection-summary">
            {plural(report.data.summary.count, 'reflection')} · average usefulness {report.data.summary.averageRating?.toFixed(1)} / 5
          </Text>
          <Stack gap={4} aria-label="Ratings given">
            {report.data.summary.distribution.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row per rating, 1 to 5
              <Group key={i} gap="xs" wrap="nowrap">
                <Text size="xs" w={24}>
                  {i + 1}
                </Text>
                <Progress value={(n / report.data.summary.count) * 100} style={{ flex: 1 }} aria-label={`${RATING_LABELS[i]}: ${n}`} />
                <Text size="xs" w={24} ta="right">
                  {n}
                </Text>
              </Group>
            ))}
          </Stack>
          <Stack gap="xs">
            {report.data.reflections.map((r) => (
              <Card key={r.person.id} withBorder padding="sm" data-testid="reflection">
                <Stack gap={4}>
                  <Group justify="space-between">
                    <Text size="sm" fw={600}>
                      {r.person.name}
                    </Text>
                    <Text size="sm">{r.rating} / 5</Text>
                  </Group>
                  {r.learned && (
                    <Text size="sm">
                      <strong>Learned:</strong> {r.learned}
                    </Text>
                  )}
                  {r.willTry && (
                    <Text size="sm">
                      <strong>Will try:</strong> {r.willTry}
                    </Text>
                  )}
                  {r.unclear && (
                    <Text size="sm">
                      <strong>Still unclear:</strong> {r.unclear}
                    </Text>
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
        </>
      )}
      <Anchor component={Link} to={`/communities/${o.community.slug}/events?view=formats`} size="sm">
        Compare formats across the community
      </Anchor>
    </Stack>
  );
}

import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { usePastOccurrences, useUpcomingOccurrences } from '../api/get-community-occurrences';
import { OccurrenceItem } from './occurrence-item';

const PAST_STEP = 10;

/** The list view: what is coming (a year ahead, page by page), and what was held or cancelled in the past year. */
export function OccurrenceListView({ slug, emptyAction }: { slug: string; emptyAction?: React.ReactNode }) {
  const upcoming = useUpcomingOccurrences(slug);
  const past = usePastOccurrences(slug);
  const [pastShown, setPastShown] = useState(PAST_STEP);

  return (
    <Stack gap="xl" data-testid="list-view">
      <Stack gap="sm" component="section" aria-labelledby="upcoming-heading">
        <Title order={3} size="h4" id="upcoming-heading">
          Upcoming
        </Title>
        {upcoming.isPending ? (
          <ListSkeleton rows={3} height={96} />
        ) : upcoming.isError ? (
          <ErrorState error={upcoming.error} title="Upcoming sessions could not be loaded" onRetry={() => void upcoming.refetch()} />
        ) : upcoming.data.length === 0 ? (
          <Stack gap="xs" align="flex-start" data-testid="no-upcoming">
            <Text size="sm" c="dimmed">
              Nothing scheduled in the coming year.
            </Text>
            {emptyAction}
          </Stack>
        ) : (
          <>
            {upcoming.data.map((o) => (
              <OccurrenceItem key={`${o.eventId}/${o.key}`} occurrence={o} />
            ))}
            {upcoming.hasNextPage && (
              <Button variant="default" onClick={() => void upcoming.fetchNextPage()} loading={upcoming.isFetchingNextPage} w="fit-content">
                Show later sessions
              </Button>
            )}
          </>
        )}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="past-heading">
        <Title order={3} size="h4" id="past-heading">
          Past year
        </Title>
        {past.isPending ? (
          <ListSkeleton rows={2} height={96} />
        ) : past.isError ? (
          <ErrorState error={past.error} title="Past sessions could not be loaded" onRetry={() => void past.refetch()} />
        ) : past.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No sessions in the past year yet.
          </Text>
        ) : (
          <>
            {past.data.slice(0, pastShown).map((o) => (
              <OccurrenceItem key={`${o.eventId}/${o.key}`} occurrence={o} />
            ))}
            {past.data.length > pastShown && (
              <Button variant="default" onClick={() => setPastShown((n) => n + PAST_STEP)} w="fit-content">
                Show earlier sessions
              </Button>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}

import { Button } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { useCurrentOccurrence } from '../api/get-event-occurrences';
import { OccurrencePage, SessionNotFound } from '../components/occurrence-page';

/**
 * /events/:eventId — the session that matters now: the one under way or the next one; for a
 * series that is over, its last. The home page links here.
 */
export function EventRoute() {
  const { eventId = '' } = useParams();
  const current = useCurrentOccurrence(eventId);
  if (current.isPending) return <PageLoader />;
  if (current.isError) {
    if (hasCode(current.error, 'event.not_found')) return <SessionNotFound />;
    return (
      <>
        <PageTitle title="Session" />
        <ErrorState
          error={current.error}
          title="This session could not be loaded"
          headingOrder={1}
          onRetry={() => void current.refetch()}
        />
      </>
    );
  }
  if (!current.data) {
    return (
      <>
        <PageTitle title="No sessions" />
        <EmptyState
          headingOrder={1}
          title="No sessions to show"
          description="This event has no session in the two years around today."
          actions={
            <Button component={Link} to="/communities">
              Browse communities
            </Button>
          }
        />
      </>
    );
  }
  return <OccurrencePage key={current.data.key} eventId={current.data.eventId} occurrenceKey={current.data.key} />;
}

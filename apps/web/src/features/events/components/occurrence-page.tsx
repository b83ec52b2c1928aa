import { Alert, Anchor, Button, Grid, Group, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { RichText } from '@/components/ui/rich-text';
import { CapturedIn, SaveAsKnowledgeButton } from '@/features/knowledge';
import { hasCode } from '@/lib/api-client';
import { useEvent } from '../api/get-event';
import { useOccurrence } from '../api/get-occurrence';
import { useOccurrenceLiveUpdates } from '../api/live-updates';
import { phaseOf } from '../lib/seats';
import { useNow } from '../lib/use-now';
import { AfterSession } from './after-session';
import { AgendaPanel } from './agenda-panel';
import { AttendeeList } from './attendee-list';
import { ChallengesPanel } from './challenges-panel';
import { JournalClubPanel } from './journal-club-panel';
import { OccurrenceBadges } from './occurrence-badges';
import { QuestionsPanel } from './questions-panel';
import { RsvpPanel } from './rsvp-panel';
import { Section } from './section';
import { SessionActions } from './session-actions';
import { WhenWhere } from './when-where';

export function SessionNotFound() {
  return (
    <>
      <PageTitle title="Session not found" />
      <EmptyState
        headingOrder={1}
        title="Session not found"
        description="There is no session at this address, or it belongs to a private community you are not a member of."
        actions={
          <Button component={Link} to="/communities">
            Browse communities
          </Button>
        }
        testId="session-not-found"
      />
    </>
  );
}

/**
 * One session's page: what, when (in my zone and the event's), where; RSVP and who is coming;
 * the agenda (with challenges or the reading, by format); live questions; and after the
 * session, notes, my reflection and — for facilitators — what everyone took away.
 */
export function OccurrencePage({ eventId, occurrenceKey }: { eventId: string; occurrenceKey: string }) {
  const occurrence = useOccurrence(eventId, occurrenceKey);
  const series = useEvent(eventId);
  const now = useNow();
  useOccurrenceLiveUpdates(eventId, occurrenceKey);

  if (occurrence.isPending) return <PageLoader />;
  if (occurrence.isError) {
    if (hasCode(occurrence.error, 'event.not_found') || hasCode(occurrence.error, 'occurrence.not_found')) return <SessionNotFound />;
    return (
      <>
        <PageTitle title="Session" />
        <ErrorState
          error={occurrence.error}
          title="This session could not be loaded"
          headingOrder={1}
          onRetry={() => void occurrence.refetch()}
        />
      </>
    );
  }
  const o = occurrence.data;
  const phase = phaseOf(o, now);
  return (
    <>
      <PageHeader
        title={o.title}
        description={
          <Anchor component={Link} to={`/communities/${o.community.slug}/events`}>
            {o.community.name}
          </Anchor>
        }
        actions={<SessionActions occurrence={o} series={series.data} />}
      />
      <Stack gap="lg">
        <OccurrenceBadges occurrence={o} />
        {o.status === 'cancelled' && (
          <Alert color="red" variant="light" title="This session is cancelled" data-testid="cancelled-notice">
            {series.data?.cancelledAt ? 'The whole series was cancelled.' : 'Only this session is off; the series goes on.'}
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg">
              <RsvpPanel occurrence={o} phase={phase} />
              <AttendeeList occurrence={o} phase={phase} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="lg">
              <Section title="About this session">
                <WhenWhere occurrence={o} series={series.data} />
                {o.descriptionHtml && <RichText html={o.descriptionHtml} testId="session-description" />}
              </Section>
              <AgendaPanel occurrence={o} />
              {o.format === 'problem-solving' && <ChallengesPanel occurrence={o} />}
              {o.format === 'journal-club' && <JournalClubPanel occurrence={o} />}
              <QuestionsPanel occurrence={o} phase={phase} now={now} />
              <AfterSession occurrence={o} phase={phase} />
              {/* What was learned is worth keeping: notes and reflections become a draft page. */}
              {phase === 'over' && (
                <Group gap="md" align="flex-start" wrap="wrap">
                  {o.canManage && <SaveAsKnowledgeButton source={{ type: 'occurrence', eventId: o.eventId, key: o.key }} />}
                  <CapturedIn sourceType="occurrence" sourceId={`${o.eventId}/${o.key}`} />
                </Group>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
        <Group>
          <Anchor component={Link} to={`/communities/${o.community.slug}/events`} size="sm">
            All sessions of {o.community.name}
          </Anchor>
        </Group>
      </Stack>
    </>
  );
}

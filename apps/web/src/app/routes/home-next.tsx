import type { Home } from '@guildhall/shared';
import { Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useHome } from '@/features/onboarding';
import { ProposalCard } from '@/features/proposals';
import { formatDateTime, formatRelative } from '@/lib/format';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/**
 * The events room answers a session as `<eventId>/<occurrence key>` (app.ts,
 * upcomingSessionsFrom); a bare id is an event of its own.
 */
function sessionHref(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? `/events/${id}` : `/events/${id.slice(0, slash)}/occurrences/${id.slice(slash + 1)}`;
}

function Panel({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function Sessions({ sessions }: { sessions: Home['upcomingSessions'] }) {
  return (
    <Panel id="sessions-heading" title="Upcoming sessions" testId="home-sessions">
      {sessions.length === 0 ? (
        <Empty>No sessions scheduled in your communities yet.</Empty>
      ) : (
        <Stack gap="xs" component="ul" style={listStyle}>
          {sessions.map((s) => (
            <li key={`${s.id}:${s.startsAt}`}>
              <Anchor component={Link} to={sessionHref(s.id)} size="sm" fw={600}>
                {s.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDateTime(s.startsAt)} · {s.community.name}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

function Questions({ questions }: { questions: Home['questionsToAnswer'] }) {
  return (
    <Panel id="questions-heading" title="Questions you might answer" testId="home-questions">
      {questions.length === 0 ? (
        <Empty>
          No open questions match your skills right now. Add what people may ask you about on{' '}
          <Anchor component={Link} to="/profile" size="sm" underline="always">
            your profile
          </Anchor>
          .
        </Empty>
      ) : (
        <Stack gap="xs" component="ul" style={listStyle}>
          {questions.map((q) => (
            <li key={q.threadId}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/threads/${q.threadId}`} size="sm" fw={600}>
                  {q.title}
                </Anchor>
                {q.invited && (
                  <Badge size="xs" variant="light" color="violet">
                    You were invited
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {q.community.name} · {formatRelative(q.createdAt)}
                {q.matched.length > 0 && ` · matches ${q.matched.map((t) => `#${t}`).join(', ')}`}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

function Paths({ paths }: { paths: Home['newcomerPaths'] }) {
  return (
    <Panel id="paths-heading" title="Your start-here paths" testId="home-paths">
      {paths.length === 0 ? (
        <Empty>Nothing to walk through right now. Communities you join may have a "Start here" path for newcomers.</Empty>
      ) : (
        <Stack gap="sm" component="ul" style={listStyle}>
          {paths.map((p) => (
            <Stack key={p.community.slug} component="li" gap={4}>
              <Anchor component={Link} to={`/communities/${p.community.slug}`} size="sm" fw={600}>
                {p.community.name}
              </Anchor>
              <Progress
                value={p.progress.total ? (p.progress.done / p.progress.total) * 100 : 0}
                color="teal"
                aria-label={`${p.community.name}: ${p.progress.done} of ${p.progress.total} steps done`}
              />
              <Text size="xs" c="dimmed">
                {p.progress.done} of {p.progress.total} done{p.next && ` · next: ${p.next.title}`}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

function Proposals({ proposals }: { proposals: Home['proposalsSeekingInterest'] }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-proposals-heading" data-testid="home-proposals">
      <Group justify="space-between" gap="sm">
        <Title order={3} size="h4" id="home-proposals-heading">
          Proposals seeking interest
        </Title>
        <Anchor component={Link} to="/proposals" size="sm">
          All proposals
        </Anchor>
      </Group>
      {proposals.length === 0 ? (
        <Paper withBorder p="md">
          <Group justify="space-between" gap="sm">
            <Empty>No proposal is waiting for your answer. Have an idea for a community?</Empty>
            <Button component={Link} to="/proposals/new" variant="default" size="xs">
              Propose a community
            </Button>
          </Group>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {proposals.map((p) => (
            <ProposalCard key={p.id} proposal={p} headingOrder={4} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** "What to do next", from GET /me/home: sessions, questions to answer, newcomer paths, proposals. */
export function WhatNext() {
  const home = useHome();
  return (
    <Stack gap="md" component="section" aria-labelledby="next-heading" data-testid="what-next">
      <Title order={2} size="h3" id="next-heading">
        What to do next
      </Title>
      {home.isPending ? (
        <ListSkeleton rows={2} height={120} />
      ) : home.isError ? (
        <ErrorState error={home.error} title="Your next steps could not be loaded" headingOrder={3} onRetry={() => void home.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Sessions sessions={home.data.upcomingSessions} />
            <Questions questions={home.data.questionsToAnswer} />
            <Paths paths={home.data.newcomerPaths} />
          </SimpleGrid>
          <Proposals proposals={home.data.proposalsSeekingInterest} />
        </>
      )}
    </Stack>
  );
}

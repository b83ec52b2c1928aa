import type { CoreHealth } from '@guildhall/shared';
import { Alert, Anchor, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { PersonLine } from '@/features/people';
import { formatRelative, plural } from '@/lib/format';
import { useCoreHealth } from '../api/get-core-health';
import { useUpdateMember } from '../api/update-member';
import { useCommunityOutlet } from '../api/use-community-outlet';
import { CoreHealthFacts } from '../components/core-health-facts';
import { ROLE_LABELS } from '../components/labels';

function Suggestions({ health }: { health: CoreHealth }) {
  if (health.suggestions.length === 0) {
    return (
      <Alert
        color="indigo"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title="The core group looks healthy"
        data-testid="health-ok"
      >
        Its size, spread and activity match the guidance. Keep an eye on it as people change teams.
      </Alert>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="suggestions-heading" data-testid="health-suggestions">
      <Title order={3} size="h4" id="suggestions-heading">
        Suggestions
      </Title>
      {health.suggestions.map((s) => (
        <Alert key={s.code} color="grape" variant="light" icon={<IconBulb aria-hidden />} data-testid="health-suggestion">
          {s.message}
        </Alert>
      ))}
    </Stack>
  );
}

function CoreMembers({ health }: { health: CoreHealth }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="core-heading">
      <Title order={3} size="h4" id="core-heading" mb="sm">
        The core group
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="xs" data-testid="core-members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Last active</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {health.core.map((c) => (
              <Table.Tr key={c.person.id}>
                <Table.Td>
                  <PersonLine person={c.person} size="sm" />
                </Table.Td>
                <Table.Td>{ROLE_LABELS[c.role]}</Table.Td>
                <Table.Td>
                  {c.lastActiveAt ? (
                    formatRelative(c.lastActiveAt)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      Not in the last 30 days
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Candidates({ health, slug }: { health: CoreHealth; slug: string }) {
  const update = useUpdateMember(slug);
  const makeCore = (person: CoreHealth['candidates'][number]['person']) =>
    update.mutate(
      { personId: person.id, role: 'core' },
      { onSuccess: () => notifications.show({ color: 'indigo', message: `${person.name} is now in the core group.` }) },
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="candidates-heading" data-testid="core-candidates">
      <Stack gap="sm">
        <Title order={3} size="h4" id="candidates-heading">
          Who could join the core
        </Title>
        <Text size="sm" c="dimmed">
          Members who have been posting and answering here lately. Ask them first; then make them core.
        </Text>
        {update.error && <ProblemAlert error={update.error} title="That change was not made" />}
        {health.candidates.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="candidates-empty">
            No member outside the core group has posted in the last 90 days yet.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {health.candidates.map((c) => (
              <Stack
                key={c.person.id}
                component="li"
                gap={4}
                py="xs"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                data-testid="core-candidate"
              >
                <PersonLine
                  person={c.person}
                  size="sm"
                  extra={
                    c.person.seniority === 'junior' && (
                      <Badge size="xs" variant="light" color="violet">
                        Fresh perspective
                      </Badge>
                    )
                  }
                />
                <Text size="xs" c="dimmed">
                  {[plural(c.posts, 'post'), plural(c.answers, 'answer'), plural(c.acceptedAnswers, 'accepted answer')].join(' · ')}
                </Text>
                <div>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => makeCore(c.person)}
                    loading={update.isPending && update.variables?.personId === c.person.id}
                  >
                    Make core
                  </Button>
                </div>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The facilitators' view of their core group against the brief's guidance (the "Health" tab). */
export function CommunityHealthRoute() {
  const { community } = useCommunityOutlet();
  const health = useCoreHealth(community.slug);
  const title = `Health · ${community.name}`;

  if (!community.canManage) {
    return (
      <>
        <PageTitle title={title} />
        <Alert color="gray" variant="light" title="Only facilitators see core-group health" data-testid="health-facilitators-only">
          It is their working view of the core group. See the{' '}
          <Anchor component={Link} to={`/communities/${community.slug}`} underline="always">
            overview
          </Anchor>{' '}
          for who is in it.
        </Alert>
      </>
    );
  }
  if (health.isPending) return <PageLoader lines={2} />;
  if (health.isError) {
    return (
      <>
        <PageTitle title={title} />
        <ErrorState error={health.error} title="Core-group health could not be loaded" onRetry={() => void health.refetch()} />
      </>
    );
  }
  return (
    <Stack gap="lg" data-testid="core-health">
      <PageTitle title={title} />
      <Stack gap={4}>
        <Title order={2} size="h3">
          Core-group health
        </Title>
        <Text size="sm" c="dimmed">
          A small, dedicated core of 5–10 people from several teams and levels keeps a community going. Only facilitators see this.
        </Text>
      </Stack>
      <CoreHealthFacts health={health.data} />
      <Suggestions health={health.data} />
      <CoreMembers health={health.data} />
      <Candidates health={health.data} slug={community.slug} />
    </Stack>
  );
}

import { Button, Center, Grid, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb, IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useTeams } from '@/features/teams';
import { plural } from '@/lib/format';
import { useHelpers } from '../api/get-helpers';
import { usePeople } from '../api/get-people';
import { HelperCard } from '../components/helper-card';
import { PersonLine } from '../components/person-line';

// A short name: "Clear team" would also match the field's own label in label-based lookups.
const CLEAR = { 'aria-label': 'Clear' };

function WhoCanHelp({ topic, onTopicChange }: { topic: string; onTopicChange: (value: string) => void }) {
  const [wanted] = useDebouncedValue(topic.trim(), 300);
  const helpers = useHelpers(wanted);
  const items = helpers.data?.items ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="who-can-help-heading" data-testid="who-can-help">
      <Stack gap="sm">
        <Title order={2} size="h3" id="who-can-help-heading">
          Who can help with…?
        </Title>
        <Stack gap={0} role="search" aria-label="Who can help">
          <TextInput
            label="Topic"
            description="People are ranked by accepted answers, answers and reactions on that topic, then by what they say they know."
            placeholder="e.g. kubernetes, distributed tracing"
            leftSection={<IconBulb size={16} aria-hidden />}
            type="search"
            value={topic}
            maxLength={100}
            onChange={(e) => onTopicChange(e.currentTarget.value)}
          />
        </Stack>
        <div aria-live="polite" aria-busy={helpers.isFetching}>
          {!wanted ? (
            <Text size="sm" c="dimmed">
              Name a topic to see who has answered questions about it, with the answers to judge by.
            </Text>
          ) : helpers.isPending ? (
            <ListSkeleton rows={2} height={90} />
          ) : helpers.isError ? (
            <ErrorState error={helpers.error} title="Helpers could not be found" headingOrder={3} onRetry={() => void helpers.refetch()} />
          ) : items.length === 0 ? (
            <EmptyState
              headingOrder={3}
              icon={<IconUserSearch aria-hidden />}
              title={`No one shows expertise in "${wanted}" yet`}
              description="Ask in a community: whoever answers well will show up here next time."
              testId="helpers-empty"
            />
          ) : (
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={`Who can help with ${wanted}`}>
              {items.map((helper, index) => (
                <HelperCard key={helper.person.id} helper={helper} rank={index + 1} />
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}

function Everyone({
  search,
  onSearchChange,
  teamId,
  onTeamChange,
}: {
  search: string;
  onSearchChange: (value: string) => void;
  teamId: string | null;
  onTeamChange: (value: string | null) => void;
}) {
  const [q] = useDebouncedValue(search.trim(), 250);
  const people = usePeople({ q: q || undefined, teamId: teamId ?? undefined });
  const teams = useTeams();
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  const teamOptions = (teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="everyone-heading" data-testid="people-directory">
      <Stack gap="sm">
        <Title order={2} size="h3" id="everyone-heading">
          Everyone
        </Title>
        <Grid gap="sm" role="search" aria-label="Find people">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput
              label="Search by name"
              placeholder="e.g. Grace"
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={search}
              maxLength={100}
              onChange={(e) => onSearchChange(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Select
              label="Team"
              placeholder={teams.isPending ? 'Loading teams…' : 'All teams'}
              data={teamOptions}
              value={teamId}
              onChange={onTeamChange}
              clearable
              clearButtonProps={CLEAR}
              searchable
              nothingFoundMessage="No team by that name"
            />
          </Grid.Col>
        </Grid>
        <div aria-busy={people.isFetching}>
          {people.isPending ? (
            <ListSkeleton rows={4} height={44} />
          ) : people.isError ? (
            <ErrorState error={people.error} title="People could not be loaded" headingOrder={3} onRetry={() => void people.refetch()} />
          ) : items.length === 0 ? (
            <EmptyState
              headingOrder={3}
              icon={<IconUserSearch aria-hidden />}
              title="No one matches"
              description="Try part of a first or last name, or another team."
              testId="people-empty"
            />
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed" role="status">
                {people.hasNextPage ? `Showing ${items.length}` : plural(items.length, 'person', 'people')}
              </Text>
              <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((person) => (
                  <li
                    key={person.id}
                    data-testid="person-row"
                    style={{ padding: '8px 0', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                  >
                    <PersonLine person={person} />
                  </li>
                ))}
              </Stack>
              {people.hasNextPage && (
                <Center>
                  <Button variant="default" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
                    Show more people
                  </Button>
                </Center>
              )}
              {people.isFetching && !people.isFetchingNextPage && (
                <Center>
                  <Loader size="sm" role="status" aria-label="Updating results" />
                </Center>
              )}
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}

/** The people directory: find a colleague by name or team, or who can help with a topic. */
export function PeopleDirectoryRoute() {
  // Both searches live in the URL, so "who can help with X" can be shared as a link.
  const [params, setParams] = useSearchParams();
  const [topic, setTopic] = useState(() => params.get('topic') ?? '');
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [teamId, setTeamId] = useState<string | null>(() => params.get('team'));
  const [debouncedTopic] = useDebouncedValue(topic.trim(), 300);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: setParams changes identity with the URL
  useEffect(() => {
    const next = new URLSearchParams();
    if (debouncedTopic) next.set('topic', debouncedTopic);
    if (debouncedSearch) next.set('q', debouncedSearch);
    if (teamId) next.set('team', teamId);
    setParams(next, { replace: true });
  }, [debouncedTopic, debouncedSearch, teamId]);

  return (
    <>
      <PageHeader title="People" description="Knowledge lives in people's heads: find who works where, and who can help with what." />
      <Stack gap="lg">
        <WhoCanHelp topic={topic} onTopicChange={setTopic} />
        <Everyone search={search} onSearchChange={setSearch} teamId={teamId} onTeamChange={setTeamId} />
      </Stack>
    </>
  );
}

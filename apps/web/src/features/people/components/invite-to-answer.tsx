import type { PersonSummary } from '@guildhall/shared';
import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useId, useState } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { usePeople } from '../api/get-people';
import { useInviteToAnswer, useSuggestedHelpers } from '../api/invite-to-answer';
import { EvidenceList } from './evidence-list';
import { helperSummary } from './helper-card';
import { personFacts } from './person-line';

const MAX_INVITES = 10;

const names = (people: PersonSummary[]) =>
  people.length <= 2 ? people.map((p) => p.name).join(' and ') : `${people[0]?.name}, ${people[1]?.name} and ${people.length - 2} more`;

/** Someone to invite who was not suggested: searched by name. */
function AddByName({ onPick, exclude }: { onPick: (person: PersonSummary) => void; exclude: Set<string> }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const people = usePeople({ q }, q.length >= 2);
  const found = (people.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => !exclude.has(p.id));
  return (
    <Select
      label="Someone else"
      description="Type two letters of a name."
      placeholder="Search by name"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={found.map((p) => ({ value: p.id, label: personFacts(p) ? `${p.name} (${personFacts(p)})` : p.name }))}
      value={null}
      onChange={(id) => {
        const person = found.find((p) => p.id === id);
        if (person) onPick(person);
        setSearch('');
      }}
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 && !people.isFetching ? 'No one by that name' : undefined}
    />
  );
}

/**
 * "Invite to answer" on a question: people whose answers and declared skills match its tags
 * (or its community), who can read it. Each invitee is notified and sees the question on
 * their home page. For the thread page: <InviteToAnswer threadId={thread.id} />.
 */
export function InviteToAnswer({ threadId }: { threadId: string }) {
  const headingId = useId();
  const suggestions = useSuggestedHelpers(threadId);
  const invite = useInviteToAnswer(threadId);
  const [selected, setSelected] = useState<Map<string, PersonSummary>>(new Map());
  const [extra, setExtra] = useState<PersonSummary[]>([]);
  const [invited, setInvited] = useState<Set<string>>(new Set());

  const toggle = (person: PersonSummary, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(person.id, person);
    else next.delete(person.id);
    setSelected(next);
    invite.reset();
  };

  const send = () => {
    const people = [...selected.values()];
    invite.mutate(
      people.map((p) => p.id),
      {
        onSuccess: ({ invited: ids }) => {
          setInvited(new Set([...invited, ...ids]));
          setSelected(new Map());
          notifications.show({
            color: 'indigo',
            title: 'Invitations sent',
            message: `${names(people)} will see your question on their home page.`,
          });
        },
      },
    );
  };

  const helpers = suggestions.data?.items ?? [];
  const shown = new Set([...helpers.map((h) => h.person.id), ...extra.map((p) => p.id)]);
  const full = selected.size >= MAX_INVITES;

  const row = (person: PersonSummary, details?: ReactNode) => (
    <Stack key={person.id} component="li" gap={4} data-testid="invite-candidate">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {invited.has(person.id) ? (
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {person.name}
            </Text>
            <Badge size="sm" variant="light" color="violet">
              Invited
            </Badge>
          </Group>
        ) : (
          <Checkbox
            label={person.name}
            description={personFacts(person) || undefined}
            checked={selected.has(person.id)}
            disabled={full && !selected.has(person.id)}
            onChange={(e) => toggle(person, e.currentTarget.checked)}
          />
        )}
      </Group>
      {details}
    </Stack>
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="invite-to-answer">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          Invite someone to answer
        </Title>
        {suggestions.isPending ? (
          <ListSkeleton rows={2} height={48} />
        ) : suggestions.isError ? (
          <ErrorState
            error={suggestions.error}
            title="Suggestions could not be loaded"
            headingOrder={3}
            onRetry={() => void suggestions.refetch()}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {helpers.length === 0
                ? 'Nobody has answered questions on these topics here yet. Invite someone you know by name.'
                : 'Suggested from answers on the same topics and declared skills.'}
            </Text>
            {(helpers.length > 0 || extra.length > 0) && (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {helpers.map((h) =>
                  row(
                    h.person,
                    <Stack gap={2} pl={32}>
                      <Text size="xs" c="dimmed">
                        {helperSummary(h)}
                      </Text>
                      <EvidenceList evidence={h.evidence.slice(0, 2)} label={`Evidence for ${h.person.name}`} />
                    </Stack>,
                  ),
                )}
                {extra.map((p) => row(p))}
              </Stack>
            )}
            <AddByName
              exclude={shown}
              onPick={(person) => {
                setExtra([...extra, person]);
                if (!full) toggle(person, true);
              }}
            />
          </>
        )}
        {invite.error && <ProblemAlert error={invite.error} title="The invitations were not sent" />}
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed">
            {full ? `Up to ${MAX_INVITES} people at a time.` : ''}
          </Text>
          <Button onClick={send} loading={invite.isPending} disabled={selected.size === 0}>
            {selected.size === 0 ? 'Invite to answer' : `Invite ${selected.size} to answer`}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

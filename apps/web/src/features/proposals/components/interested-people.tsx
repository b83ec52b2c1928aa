import { INTEREST_LABELS, type InterestKind, type PersonSummary, type Proposal, SENIORITY_LABELS } from '@guildhall/shared';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { PersonLine } from '@/features/people';
import { plural } from '@/lib/format';

const SHORT: Record<InterestKind, string> = { join: 'Would join', lead: 'Would help lead', present: 'Could give the first talk' };

type Entry = { person: PersonSummary; kinds: InterestKind[]; notes: Partial<Record<InterestKind, string>>; proposer: boolean };

/** Who is in, grouped by team, with the seniority mix: a community should cross silos and levels. */
export function InterestedPeople({ proposal }: { proposal: Proposal }) {
  const entries: Entry[] = [
    { person: proposal.proposer, kinds: [], notes: {}, proposer: true },
    ...proposal.interested.filter((i) => i.person.id !== proposal.proposer.id).map((i) => ({ ...i, proposer: false })),
  ];
  const proposerEntry = proposal.interested.find((i) => i.person.id === proposal.proposer.id);
  if (proposerEntry && entries[0]) entries[0] = { ...proposerEntry, proposer: true };

  const groups = new Map<string, { name: string; entries: Entry[] }>();
  for (const entry of entries) {
    const key = entry.person.team?.id ?? '';
    const group = groups.get(key) ?? { name: entry.person.team?.name ?? 'No team given', entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  // Named teams first, biggest first; people without a team last.
  const ordered = [...groups.entries()].sort(
    ([a, x], [b, y]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || y.entries.length - x.entries.length,
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="interested-heading" data-testid="interested">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="interested-heading">
            Who is interested
          </Title>
          <Text size="sm" c="dimmed">
            {plural(entries.length, 'person', 'people')} from {plural(proposal.byTeam.filter((t) => t.team).length, 'team')}
          </Text>
          <Group gap={6} wrap="wrap" aria-label="Seniority mix" role="list" data-testid="seniority-mix">
            {proposal.bySeniority.map((s) => (
              <Badge key={s.seniority ?? 'none'} role="listitem" variant="light" color="gray" tt="none">
                {s.seniority ? SENIORITY_LABELS[s.seniority] : 'Seniority not given'}: {s.count}
              </Badge>
            ))}
          </Group>
        </Stack>
        {ordered.map(([key, group]) => (
          <Stack key={key || 'none'} gap={6} component="section" aria-label={group.name} data-testid="interest-team">
            <Title order={3} size="h5">
              {group.name}{' '}
              <Text span c="dimmed" size="sm" fw={400}>
                ({group.entries.length})
              </Text>
            </Title>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {group.entries.map((entry) => (
                <Stack key={entry.person.id} component="li" gap={2} data-testid="interested-person">
                  <PersonLine
                    person={entry.person}
                    size="sm"
                    extra={
                      <>
                        {entry.proposer && (
                          <Badge size="xs" variant="light" color="grape">
                            Proposer
                          </Badge>
                        )}
                        {entry.kinds.map((kind) => (
                          <Badge
                            key={kind}
                            size="xs"
                            variant="light"
                            color={kind === 'lead' ? 'indigo' : kind === 'present' ? 'violet' : 'gray'}
                          >
                            {SHORT[kind]}
                          </Badge>
                        ))}
                      </>
                    }
                  />
                  {Object.entries(entry.notes).map(([kind, note]) => (
                    <Text key={kind} size="xs" c="dimmed" pl={40}>
                      {INTEREST_LABELS[kind as InterestKind]}: “{note}”
                    </Text>
                  ))}
                </Stack>
              ))}
            </Stack>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

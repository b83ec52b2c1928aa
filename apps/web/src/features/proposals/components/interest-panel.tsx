import { INTEREST_KINDS, INTEREST_LABELS, type InterestKind, type Proposal } from '@guildhall/shared';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useSignalInterest } from '../api/signal-interest';

const HINTS: Record<InterestKind, string> = {
  join: 'You will be invited when it launches; you accept with one click.',
  lead: 'You join its core group at launch, to shape its rhythm and charter.',
  present: 'Someone has to go first: a short talk on what you know is enough.',
};

type Props = { proposal: Proposal; meId: string };

/** "I'd join" / "I'd help lead" / "I could give the first talk": each a toggle, with an optional note. */
export function InterestPanel({ proposal, meId }: Props) {
  const signal = useSignalInterest(proposal.id);
  const [note, setNote] = useState('');
  const isProposer = proposal.proposer.id === meId;
  const mine = proposal.interested.find((i) => i.person.id === meId);
  // The proposer already counts as interested and as leading; a first talk is theirs to offer.
  const kinds: readonly InterestKind[] = isProposer ? ['present'] : INTEREST_KINDS;

  const toggle = (kind: InterestKind) => {
    const on = !proposal.myInterest.includes(kind);
    signal.mutate(
      { kind, on, note: on ? note.trim() || undefined : undefined },
      {
        onSuccess: () => {
          if (on) setNote('');
          notifications.show({
            color: 'indigo',
            message: on ? `Noted: ${INTEREST_LABELS[kind]}.` : `Taken back: ${INTEREST_LABELS[kind]}.`,
          });
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="interest-heading" data-testid="interest">
      <Stack gap="sm">
        <Title order={2} size="h4" id="interest-heading">
          {isProposer ? 'You proposed this' : 'Would you take part?'}
        </Title>
        <Text size="sm" c="dimmed">
          {isProposer
            ? 'You count as interested and willing to lead, and become its facilitator at launch.'
            : 'Signals are visible to everyone. You can take any of them back until the community launches.'}
        </Text>
        <Textarea
          label="Note (optional)"
          description="Sent with the next signal you give, e.g. what you could present or how much time you have."
          autosize
          minRows={1}
          maxRows={4}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Stack gap="xs">
          {kinds.map((kind) => {
            const on = proposal.myInterest.includes(kind);
            return (
              <Stack key={kind} gap={2}>
                <Group gap="sm" wrap="wrap">
                  <Button
                    variant={on ? 'filled' : 'default'}
                    aria-pressed={on}
                    onClick={() => toggle(kind)}
                    loading={signal.isPending && signal.variables?.kind === kind}
                    disabled={signal.isPending && signal.variables?.kind !== kind}
                    leftSection={on ? <IconCheck size={16} aria-hidden /> : undefined}
                  >
                    {INTEREST_LABELS[kind]}
                  </Button>
                  <Text size="xs" c="dimmed" style={{ flex: '1 1 12rem' }}>
                    {HINTS[kind]}
                  </Text>
                </Group>
                {on && mine?.notes[kind] && (
                  <Text size="xs" c="dimmed" pl="xs">
                    Your note: {mine.notes[kind]}
                  </Text>
                )}
              </Stack>
            );
          })}
        </Stack>
        {signal.error && <ProblemAlert error={signal.error} title="Your signal was not recorded" />}
      </Stack>
    </Paper>
  );
}

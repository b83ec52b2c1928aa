import { DEFAULT_PROPOSAL_THRESHOLD, ProposalThreshold } from '@guildhall/shared';
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useSetThreshold, useThreshold } from '../api/threshold';

const FIELDS = ['interested', 'leaders', 'teams'] as const;

function ThresholdForm({ initial }: { initial: ProposalThreshold }) {
  const form = useFormState<Record<(typeof FIELDS)[number], number | string>>(initial);
  const save = useSetThreshold();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(ProposalThreshold, {
      interested: Number(form.values.interested),
      leaders: Number(form.values.leaders),
      teams: Number(form.values.teams),
    });
    if (errors) return form.setErrors(errors);
    save.mutate(data, {
      onSuccess: (saved) => {
        form.reset(saved);
        notifications.show({ color: 'indigo', title: 'Threshold saved', message: 'Open proposals are measured against it from now on.' });
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  const input = (field: (typeof FIELDS)[number], label: string, description: string, max: number) => (
    <NumberInput
      label={label}
      description={description}
      min={1}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      value={form.values[field]}
      onChange={(value) => form.set(field, value)}
      error={form.errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Proposal threshold">
      <Stack gap="sm">
        {save.error && <ProblemAlert error={save.error} title="The threshold was not saved" shownFields={FIELDS} />}
        {input('interested', 'People interested', 'Everyone who signalled, the proposer included.', 100)}
        {input('leaders', 'Willing to lead', 'The proposer counts as one.', 20)}
        {input('teams', 'Teams', 'Different teams among the interested: a community crosses silos.', 20)}
        <Group justify="space-between" gap="sm">
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              for (const field of FIELDS) form.set(field, DEFAULT_PROPOSAL_THRESHOLD[field]);
            }}
          >
            Use the defaults (5 · 2 · 2)
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save threshold
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** For the admin page: when a proposal counts as ready to launch. */
export function ThresholdPanel() {
  const threshold = useThreshold();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="threshold-heading" data-testid="threshold-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="threshold-heading">
          Ready to launch when…
        </Title>
        <Text size="sm" c="dimmed">
          A proposal can be launched once it has this many people interested, willing to lead, and from this many teams.
        </Text>
        {threshold.isPending ? (
          <ListSkeleton rows={3} height={40} />
        ) : threshold.isError ? (
          <ErrorState
            error={threshold.error}
            title="The threshold could not be loaded"
            headingOrder={3}
            onRetry={() => void threshold.refetch()}
          />
        ) : (
          <ThresholdForm key={JSON.stringify(threshold.data)} initial={threshold.data} />
        )}
      </Stack>
    </Paper>
  );
}

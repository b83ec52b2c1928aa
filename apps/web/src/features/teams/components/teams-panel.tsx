import { CreateTeamInput } from '@guildhall/shared';
import { Button, Group, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUsers } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useCreateTeam } from '../api/create-team';
import { useTeams } from '../api/get-teams';

function CreateTeamForm() {
  const form = useFormState({ name: '' });
  const create = useCreateTeam();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(CreateTeamInput, form.values);
    if (errors) return form.setErrors(errors);
    create.mutate(data, {
      onSuccess: (team) => {
        form.reset({ name: '' });
        notifications.show({ color: 'indigo', message: `Team "${team.name}" created.` });
      },
      onError: (error) =>
        form.setErrors(hasCode(error, 'team.name_taken') ? { name: 'There is already a team with this name.' } : serverFieldErrors(error)),
    });
  };

  const handled = hasCode(create.error, 'team.name_taken');
  return (
    <form onSubmit={submit} noValidate aria-label="Create team">
      <Stack gap="sm">
        {create.error && !handled && <ProblemAlert error={create.error} title="The team could not be created" shownFields={['name']} />}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Team name"
            placeholder="e.g. Payments"
            required
            maxLength={80}
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.errors.name}
            style={{ flex: '1 1 14rem' }}
          />
          <Button type="submit" loading={create.isPending} mt={{ base: 0, xs: 25 }}>
            Create team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Teams are how Guildhall shows a community's reach across the organisation. */
export function TeamsPanel() {
  const teams = useTeams();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="teams-heading" data-testid="teams-panel">
      <Stack gap="md">
        <Title order={2} size="h3" id="teams-heading">
          Teams
        </Title>
        <CreateTeamForm />
        {teams.isPending ? (
          <ListSkeleton rows={2} height={36} />
        ) : teams.isError ? (
          <ErrorState error={teams.error} title="Teams could not be loaded" headingOrder={3} onRetry={() => void teams.refetch()} />
        ) : teams.data.items.length === 0 ? (
          <EmptyState
            headingOrder={3}
            icon={<IconUsers aria-hidden />}
            title="No teams yet"
            description="Add your organisation's teams so people can say where they work."
            testId="teams-empty"
          />
        ) : (
          <Table verticalSpacing="xs" data-testid="teams-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Team</Table.Th>
                <Table.Th scope="col" ta="right">
                  People
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.data.items.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>{team.name}</Table.Td>
                  <Table.Td ta="right">{team.memberCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

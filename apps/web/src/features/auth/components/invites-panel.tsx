import { type CreatedInvite, CreateInviteInput, type Invite } from '@guildhall/shared';
import { Alert, Badge, Button, Code, CopyButton, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconMailPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { formatDate } from '@/lib/format';
import { useFormState } from '@/lib/use-form-state';
import { useCreateInvite } from '../api/create-invite';
import { useInvites } from '../api/get-invites';

function inviteStatus(invite: Invite, now = Date.now()) {
  if (invite.usedAt)
    return (
      <Badge variant="light" color="gray">
        Used
      </Badge>
    );
  if (new Date(invite.expiresAt).getTime() < now)
    return (
      <Badge variant="light" color="red">
        Expired
      </Badge>
    );
  return (
    <Badge variant="light" color="indigo">
      Open
    </Badge>
  );
}

function CreatedInviteAlert({ invite, onDone }: { invite: CreatedInvite; onDone: () => void }) {
  return (
    <Alert color="indigo" variant="light" title="Invite link created" data-testid="new-invite">
      <Stack gap="sm">
        <Text size="sm">
          Send this link {invite.email ? `to ${invite.email}` : 'to the person you are inviting'}. It works once, until{' '}
          {formatDate(invite.expiresAt)}, and is shown only now.
        </Text>
        <Code block data-testid="invite-url" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {invite.url}
        </Code>
        <Group gap="sm">
          <CopyButton value={invite.url}>
            {({ copied, copy }) => (
              <Button onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                {copied ? 'Copied' : 'Copy invite link'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateInviteForm({ onCreated }: { onCreated: (invite: CreatedInvite) => void }) {
  const form = useFormState<{ email: string; expiresInDays: number | string }>({ email: '', expiresInDays: 14 });
  const create = useCreateInvite();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const email = form.values.email.trim();
    const { data, errors } = validate(CreateInviteInput, {
      ...(email && { email }),
      expiresInDays: Number(form.values.expiresInDays),
    });
    if (errors) return form.setErrors(errors);
    create.mutate(data, {
      onSuccess: (invite) => {
        form.reset({ email: '', expiresInDays: 14 });
        onCreated(invite);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create invite">
      <Stack gap="sm">
        {create.error && (
          <ProblemAlert error={create.error} title="The invite could not be created" shownFields={['email', 'expiresInDays']} />
        )}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Email (optional)"
            description="Limit the invite to this address."
            type="email"
            value={form.values.email}
            onChange={(e) => form.set('email', e.currentTarget.value)}
            error={form.errors.email}
            style={{ flex: '2 1 14rem' }}
          />
          <NumberInput
            label="Expires in (days)"
            description="From 1 to 90."
            min={1}
            max={90}
            allowDecimal={false}
            value={form.values.expiresInDays}
            onChange={(value) => form.set('expiresInDays', value)}
            error={form.errors.expiresInDays}
            style={{ flex: '1 1 9rem' }}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create invite
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Invite links let people outside the allowed email domains sign up. */
export function InvitesPanel() {
  const invites = useInvites();
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invites-heading" data-testid="invites-panel">
      <Stack gap="md">
        <Title order={2} size="h3" id="invites-heading">
          Invites
        </Title>
        {created && <CreatedInviteAlert invite={created} onDone={() => setCreated(null)} />}
        <CreateInviteForm onCreated={setCreated} />
        {invites.isPending ? (
          <ListSkeleton rows={2} height={36} />
        ) : invites.isError ? (
          <ErrorState error={invites.error} title="Invites could not be loaded" headingOrder={3} onRetry={() => void invites.refetch()} />
        ) : invites.data.items.length === 0 ? (
          <EmptyState
            headingOrder={3}
            icon={<IconMailPlus aria-hidden />}
            title="No invites yet"
            description="Create an invite link for a colleague whose address is outside the allowed domains."
            testId="invites-empty"
          />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" data-testid="invites-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">For</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Expires</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invites.data.items.map((invite) => (
                  <Table.Tr key={invite.id}>
                    <Table.Td>{invite.email ?? 'Anyone with the link'}</Table.Td>
                    <Table.Td>{formatDate(invite.createdAt)}</Table.Td>
                    <Table.Td>{formatDate(invite.expiresAt)}</Table.Td>
                    <Table.Td>{inviteStatus(invite)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

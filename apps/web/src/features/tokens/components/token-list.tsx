import type { ApiToken } from '@guildhall/shared';
import { Button, Code, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { formatDate, formatDateTime, formatRelative } from '@/lib/format';
import { useRevokeToken } from '../api/revoke-token';

export function TokenList({ tokens }: { tokens: ApiToken[] }) {
  const revoke = useRevokeToken();
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!toRevoke) return;
    revoke.mutate(toRevoke.id, {
      onSuccess: () => {
        notifications.show({ color: 'gray', message: `Token "${toRevoke.name}" revoked. Anything using it can no longer sign in.` });
        setToRevoke(null);
      },
    });
  };

  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" data-testid="token-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Prefix</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col">Last used</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id} data-testid="token-row">
                <Table.Td fw={600}>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                <Table.Td>
                  {token.lastUsedAt ? <span title={formatDateTime(token.lastUsedAt)}>{formatRelative(token.lastUsedAt)}</span> : 'Never'}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    onClick={() => setToRevoke(token)}
                    aria-label={`Revoke ${token.name}`}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Modal opened={toRevoke !== null} onClose={() => setToRevoke(null)} title="Revoke token?" centered>
        <Stack gap="md">
          <Text size="sm">
            Scripts and tools using <strong>{toRevoke?.name}</strong> will stop working at once. This cannot be undone.
          </Text>
          {revoke.error && <ProblemAlert error={revoke.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setToRevoke(null)}>
              Keep token
            </Button>
            <Button color="red" onClick={confirmRevoke} loading={revoke.isPending}>
              Revoke token
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

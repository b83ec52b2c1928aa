import { Alert, Anchor, Button, Center, Group, Stack, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useMe } from '@/features/people';
import { useAuditLog } from '../api/get-audit-log';
import { ActionFilter } from '../components/action-filter';
import { actionVerb } from '../components/action-labels';
import { AuditEntryItem } from '../components/audit-entry';

const BACK = (
  <Anchor component={Link} to="/admin" size="sm">
    Back to Admin
  </Anchor>
);

/** /admin/audit — admin and moderation actions, newest first, for org admins (`?action=` filters). */
export function AuditLogRoute() {
  const { data: me } = useMe();
  const isAdmin = me?.orgRole === 'admin';
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const log = useAuditLog(action || undefined, isAdmin);

  if (!isAdmin) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Alert color="gray" variant="light" title="Only org admins can read the audit log" data-testid="audit-admin-only">
          It records who hid, restored, locked or moved what across Guildhall. Ask an admin if you need to know about a moderation decision.
        </Alert>
      </>
    );
  }

  const setAction = (next: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next) copy.set('action', next);
        else copy.delete('action');
        return copy;
      },
      { replace: true },
    );
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Moderation and admin actions across Guildhall, newest first: who did what, when, and why."
        actions={BACK}
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <ActionFilter value={action} onChange={setAction} />
        </Group>
        {log.isPending ? (
          <ListSkeleton rows={4} height={88} />
        ) : log.isError ? (
          <ErrorState error={log.error} title="The audit log could not be loaded" onRetry={() => void log.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconListDetails aria-hidden />}
            title={action ? `Nothing recorded for “${actionVerb(action)}”` : 'Nothing recorded yet'}
            description={
              action
                ? 'Choose another action, or all actions.'
                : 'When a facilitator hides a post or locks a thread, or an admin changes a community, it is written here.'
            }
            actions={
              action ? (
                <Button variant="default" onClick={() => setAction('')}>
                  Show all actions
                </Button>
              ) : undefined
            }
            testId="audit-empty"
          />
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              Showing {items.length} {items.length === 1 ? 'entry' : 'entries'}
              {log.hasNextPage ? '; older ones follow' : ''}.
            </Text>
            <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Audit entries" data-testid="audit-entries">
              {items.map((entry) => (
                <AuditEntryItem key={entry.id} entry={entry} />
              ))}
            </Stack>
            {log.hasNextPage && (
              <Center>
                <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  Load more
                </Button>
              </Center>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

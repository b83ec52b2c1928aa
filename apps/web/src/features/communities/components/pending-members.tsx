import type { Member } from '@guildhall/shared';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { formatRelative } from '@/lib/format';
import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMember } from '../api/update-member';
import { MemberRow } from './member-row';

type Props = { slug: string };

/** Join requests to approve or decline; for facilitators. */
export function JoinRequests({ slug }: Props) {
  const requests = useMembers(slug, 'requested');
  const update = useUpdateMember(slug);
  const remove = useRemoveMember(slug);
  const items = requests.data?.pages.flatMap((p) => p.items) ?? [];
  const busyId = (update.isPending && update.variables?.personId) || (remove.isPending && remove.variables) || null;

  const approve = (m: Member) =>
    update.mutate(
      { personId: m.person.id, status: 'active' },
      { onSuccess: () => notifications.show({ color: 'indigo', message: `${m.person.name} is now a member.` }) },
    );
  const decline = (m: Member) =>
    remove.mutate(m.person.id, {
      onSuccess: () => notifications.show({ color: 'gray', message: `Request from ${m.person.name} declined.` }),
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="requests-heading" data-testid="join-requests">
      <Stack gap="sm">
        <Title order={2} size="h4" id="requests-heading">
          Join requests
        </Title>
        {(update.error || remove.error) && <ProblemAlert error={update.error ?? remove.error} />}
        {requests.isPending ? (
          <ListSkeleton rows={1} />
        ) : requests.isError ? (
          <ErrorState error={requests.error} title="Requests could not be loaded" headingOrder={3} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No one is waiting to join.
          </Text>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((m) => (
              <MemberRow key={m.person.id} member={m}>
                <Text size="xs" c="dimmed" w="100%">
                  Asked {formatRelative(m.joinedAt)}
                </Text>
                <Button size="compact-sm" onClick={() => approve(m)} disabled={busyId === m.person.id}>
                  Approve
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => decline(m)} disabled={busyId === m.person.id}>
                  Decline
                </Button>
              </MemberRow>
            ))}
          </ul>
        )}
      </Stack>
    </Paper>
  );
}

/** Invitations not yet accepted, which a facilitator may withdraw. */
export function SentInvitations({ slug }: Props) {
  const invited = useMembers(slug, 'invited');
  const remove = useRemoveMember(slug);
  const items = invited.data?.pages.flatMap((p) => p.items) ?? [];

  if (invited.isPending) return <ListSkeleton rows={1} />;
  if (invited.isError) return <ErrorState error={invited.error} title="Invitations could not be loaded" headingOrder={3} />;
  if (items.length === 0) return null;

  return (
    <Stack gap="xs" component="section" aria-labelledby="invitations-heading" data-testid="sent-invitations">
      <Title order={3} size="h5" id="invitations-heading">
        Invitations waiting for an answer
      </Title>
      {remove.error && <ProblemAlert error={remove.error} />}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((m) => (
          <MemberRow key={m.person.id} member={m}>
            <Button
              size="compact-sm"
              variant="default"
              disabled={remove.isPending && remove.variables === m.person.id}
              onClick={() => remove.mutate(m.person.id)}
            >
              Cancel invitation
            </Button>
          </MemberRow>
        ))}
      </ul>
    </Stack>
  );
}

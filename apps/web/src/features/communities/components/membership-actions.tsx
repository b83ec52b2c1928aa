import type { Community, Me, Role } from '@guildhall/shared';
import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useJoinCommunity } from '../api/join-community';
import { useLeaveCommunity } from '../api/leave-community';

const ACTIVE_LINES: Record<Role, string> = {
  facilitator: 'You facilitate this community.',
  core: 'You are in the core group of this community.',
  member: 'You are a member of this community.',
};

type Props = { community: Community; me: Me };

function statusLine(community: Community): string {
  const m = community.myMembership;
  if (m?.status === 'active') return ACTIVE_LINES[m.role];
  if (m?.status === 'invited') return 'You have been invited to join this community.';
  if (m?.status === 'requested') return 'You asked to join. A facilitator will review your request.';
  if (community.visibility === 'private') return 'This community is private. Ask to join and a facilitator will review your request.';
  return 'Anyone can join. Members hear about sessions and can take part in discussions.';
}

/** Join / Request to join / Accept invitation / Leave, depending on where the person stands. */
export function MembershipActions({ community, me }: Props) {
  const navigate = useNavigate();
  const join = useJoinCommunity();
  const leave = useLeaveCommunity();
  const [confirmOpened, confirm] = useDisclosure(false);
  const m = community.myMembership;
  // Without membership a private community is hidden from everyone but admins.
  const staysVisible = community.visibility === 'open' || me.orgRole === 'admin';

  const doJoin = () =>
    join.mutate(community.slug, {
      onSuccess: (result) =>
        notifications.show(
          result.status === 'active'
            ? { color: 'indigo', title: `Welcome to ${community.name}`, message: 'You are now a member.' }
            : { color: 'indigo', title: 'Request sent', message: 'A facilitator will review your request.' },
        ),
    });

  const doLeave = (message: string) =>
    leave.mutate(
      { slug: community.slug, personId: me.id },
      {
        onSuccess: () => {
          confirm.close();
          notifications.show({ color: 'gray', title: community.name, message });
          if (!staysVisible) navigate('/communities', { replace: true });
        },
        onError: confirm.close,
      },
    );

  const busy = join.isPending || leave.isPending;

  return (
    <Paper withBorder p="md" component="section" aria-label="Your membership" data-testid="membership">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Text size="sm">{statusLine(community)}</Text>
          <Group gap="xs">
            {m === null && (
              <Button onClick={doJoin} loading={join.isPending} disabled={busy}>
                {community.visibility === 'open' ? 'Join' : 'Request to join'}
              </Button>
            )}
            {m?.status === 'invited' && (
              <>
                <Button onClick={doJoin} loading={join.isPending} disabled={busy}>
                  Accept invitation
                </Button>
                <Button variant="default" onClick={() => doLeave('Invitation declined.')} loading={leave.isPending} disabled={busy}>
                  Decline invitation
                </Button>
              </>
            )}
            {m?.status === 'requested' && (
              <Button variant="default" onClick={() => doLeave('Your request was withdrawn.')} loading={leave.isPending} disabled={busy}>
                Withdraw request
              </Button>
            )}
            {m?.status === 'active' && (
              <Button
                variant="default"
                onClick={() => (staysVisible ? doLeave('You left the community.') : confirm.open())}
                loading={leave.isPending && !confirmOpened}
                disabled={busy}
              >
                Leave community
              </Button>
            )}
          </Group>
        </Group>
        {(join.error || leave.error) && <ProblemAlert error={join.error ?? leave.error} title="That did not work" />}
      </Stack>

      <Modal opened={confirmOpened} onClose={confirm.close} title={`Leave ${community.name}?`} centered>
        <Stack gap="md">
          <Text size="sm">This community is private: to come back you will need an invitation or an approved request.</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={confirm.close}>
              Stay
            </Button>
            <Button color="red" onClick={() => doLeave('You left the community.')} loading={leave.isPending}>
              Yes, leave
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

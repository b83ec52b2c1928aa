import type { Community, Member, Role } from '@guildhall/shared';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { plural } from '@/lib/format';
import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMember } from '../api/update-member';
import { ROLE_GROUPS } from './labels';
import { MemberRow } from './member-row';

const ROLE_ACTIONS: { role: Role; label: string }[] = [
  { role: 'facilitator', label: 'Make facilitator' },
  { role: 'core', label: 'Make core' },
  { role: 'member', label: 'Make member' },
];

type Props = { community: Community; meId: string };

/** Active members grouped by role; facilitators also get role changes and removal. */
export function MemberList({ community, meId }: Props) {
  const members = useMembers(community.slug, 'active');
  const update = useUpdateMember(community.slug);
  const remove = useRemoveMember(community.slug);
  const canManage = community.canManage;
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const actionError = update.error ?? remove.error;
  const busyId = (update.isPending && update.variables?.personId) || (remove.isPending && remove.variables) || null;

  const changeRole = (member: Member, role: Role) =>
    update.mutate(
      { personId: member.person.id, role },
      {
        onSuccess: () => {
          remove.reset();
          notifications.show({
            color: 'indigo',
            message: `${member.person.name} is now ${role === 'core' ? 'in the core group' : `a ${role}`}.`,
          });
        },
      },
    );

  const removeMember = (member: Member) =>
    remove.mutate(member.person.id, {
      onSuccess: () => {
        update.reset();
        notifications.show({ color: 'gray', message: `${member.person.name} was removed from ${community.name}.` });
      },
    });

  return (
    <Stack gap="md" component="section" aria-labelledby="members-heading">
      <Title order={2} id="members-heading" size="h3">
        Members
      </Title>
      {actionError && <ProblemAlert error={actionError} title="That change was not made" />}
      {members.isPending ? (
        <ListSkeleton rows={3} />
      ) : members.isError ? (
        <ErrorState error={members.error} title="Members could not be loaded" headingOrder={3} onRetry={() => void members.refetch()} />
      ) : (
        ROLE_GROUPS.map(({ role, heading }) => {
          const group = items.filter((m) => m.role === role);
          return (
            <Stack key={role} gap={4} component="section" aria-labelledby={`role-${role}`} data-testid={`role-group-${role}`}>
              <Title order={3} size="h5" id={`role-${role}`}>
                {heading}{' '}
                <Text span c="dimmed" size="sm" fw={400}>
                  ({group.length})
                </Text>
              </Title>
              {group.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {role === 'core' ? 'No core group yet. A small, committed core keeps a community going.' : 'No one yet.'}
                </Text>
              ) : (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {group.map((member) => (
                    <MemberRow key={member.person.id} member={member} isMe={member.person.id === meId}>
                      {canManage && (
                        <>
                          {ROLE_ACTIONS.filter((a) => a.role !== member.role).map((action) => (
                            <Button
                              key={action.role}
                              size="compact-sm"
                              variant="default"
                              disabled={busyId === member.person.id}
                              onClick={() => changeRole(member, action.role)}
                            >
                              {action.label}
                            </Button>
                          ))}
                          {member.person.id !== meId && (
                            <Button
                              size="compact-sm"
                              variant="light"
                              color="red"
                              disabled={busyId === member.person.id}
                              onClick={() => removeMember(member)}
                            >
                              Remove
                            </Button>
                          )}
                        </>
                      )}
                    </MemberRow>
                  ))}
                </ul>
              )}
            </Stack>
          );
        })
      )}
      {members.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
            Show more members
          </Button>
        </Center>
      )}
      {!members.isPending && !members.isError && (
        <Text size="xs" c="dimmed">
          {plural(community.memberCount, 'member')} in total.
        </Text>
      )}
    </Stack>
  );
}

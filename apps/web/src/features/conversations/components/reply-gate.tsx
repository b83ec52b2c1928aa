import type { Community, Thread } from '@guildhall/shared';
import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useJoinCommunity } from '@/features/communities';
import { conversationKeys } from '../api/keys';
import { DARK_TITLE } from './contrast';

type Props = { thread: Thread; community: Community | undefined };

/** Says why there is no reply box, and how to get one when there is a way. */
export function ReplyGate({ thread, community }: Props) {
  const queryClient = useQueryClient();
  const join = useJoinCommunity();
  const membership = community?.myMembership;

  if (thread.locked) {
    return (
      <Alert
        color="gray"
        variant="light"
        styles={DARK_TITLE}
        icon={<IconLock aria-hidden />}
        title="This thread is locked"
        data-testid="reply-gate"
      >
        A facilitator locked it: only facilitators can still reply. You can still read, react and flag posts.
      </Alert>
    );
  }
  if (membership?.status === 'active') {
    return (
      <Alert color="gray" variant="light" styles={DARK_TITLE} title="Replies are closed" data-testid="reply-gate">
        This community is closed: it stays readable, but takes no new posts.
      </Alert>
    );
  }

  const doJoin = () =>
    join.mutate(thread.community.slug, {
      onSuccess: (result) => {
        void queryClient.invalidateQueries({ queryKey: conversationKeys.thread(thread.id) });
        notifications.show({
          color: 'indigo',
          title: result.status === 'active' ? `Welcome to ${thread.community.name}` : 'Request sent',
          message: result.status === 'active' ? 'You can reply now.' : 'A facilitator will review your request.',
        });
      },
    });

  return (
    <Paper withBorder p="md" data-testid="reply-gate">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {membership?.status === 'requested'
            ? 'You asked to join this community. Once a facilitator approves, you can reply here.'
            : `Only members of ${thread.community.name} can reply. Join to take part — anyone can read along.`}
        </Text>
        {membership?.status !== 'requested' && (
          <Button onClick={doJoin} loading={join.isPending}>
            {membership?.status === 'invited'
              ? 'Accept invitation'
              : community?.visibility === 'private'
                ? 'Request to join'
                : 'Join community'}
          </Button>
        )}
      </Group>
      {join.error && <ProblemAlert error={join.error} title="That did not work" />}
    </Paper>
  );
}

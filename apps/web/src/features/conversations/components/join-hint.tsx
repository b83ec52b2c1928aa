import type { Community } from '@guildhall/shared';
import { Button, Group, Paper, Text } from '@mantine/core';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useJoinCommunity } from '@/features/communities';

/** Why a non-member cannot start a thread, and the way in. */
export function JoinHint({ community, action = 'start a thread' }: { community: Community; action?: string }) {
  const join = useJoinCommunity();
  const m = community.myMembership;
  return (
    <Paper withBorder p="sm" data-testid="join-hint">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {m?.status === 'requested'
            ? `You asked to join. Once a facilitator approves, you can ${action} here.`
            : `Only members can ${action}. Anyone can read along; join to ask, answer and react.`}
        </Text>
        {m?.status !== 'requested' && (
          <Button size="sm" onClick={() => join.mutate(community.slug)} loading={join.isPending}>
            {m?.status === 'invited' ? 'Accept invitation' : community.visibility === 'private' ? 'Request to join' : 'Join community'}
          </Button>
        )}
      </Group>
      {join.error && <ProblemAlert error={join.error} />}
    </Paper>
  );
}

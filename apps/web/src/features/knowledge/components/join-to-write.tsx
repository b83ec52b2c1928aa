import type { Community } from '@guildhall/shared';
import { Button, Group, Paper, Text } from '@mantine/core';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useJoinCommunity } from '@/features/communities';

/** Why a reader cannot write here, and the way in. */
export function JoinToWrite({ community }: { community: Community }) {
  const join = useJoinCommunity();
  const m = community.myMembership;
  return (
    <Paper withBorder p="sm" data-testid="join-to-write">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {m?.status === 'requested'
            ? 'You asked to join. Once a facilitator approves, you can write pages here.'
            : 'Only members write pages and whiteboards. Anyone who can see the community can read them.'}
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

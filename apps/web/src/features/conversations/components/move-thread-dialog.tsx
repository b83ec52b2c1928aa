import type { Thread } from '@guildhall/shared';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useCommunities } from '@/features/communities';
import { useModerateThread } from '../api/moderate-thread';

type Props = { thread: Thread; isAdmin: boolean; opened: boolean; onClose: () => void };

/** Facilitators move a thread to another community they facilitate (org admins: to any). */
export function MoveThreadDialog({ thread, isAdmin, opened, onClose }: Props) {
  const communities = useCommunities(isAdmin ? {} : { mine: true });
  const move = useModerateThread(thread.id);
  const [target, setTarget] = useState<string | null>(null);
  const options = (communities.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((c) => c.slug !== thread.community.slug)
    .filter((c) => isAdmin || (c.myMembership?.status === 'active' && c.myMembership.role === 'facilitator'))
    .map((c) => ({ value: c.slug, label: c.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    move.mutate(
      { type: 'move', community: target },
      {
        onSuccess: (moved) => {
          notifications.show({ color: 'indigo', title: 'Thread moved', message: `It now lives in ${moved.community.name}.` });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Move this thread">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">The thread, its posts and its tags move together; links to it keep working.</Text>
          {move.error && <ProblemAlert error={move.error} title="The thread was not moved" />}
          <Select
            label="Move to"
            placeholder={communities.isPending ? 'Loading communities…' : 'Choose a community'}
            data={options}
            value={target}
            onChange={setTarget}
            searchable
            nothingFoundMessage="No other community you facilitate"
            required
            comboboxProps={{ withinPortal: true }}
          />
          {communities.hasNextPage && (
            <Button variant="subtle" size="xs" onClick={() => void communities.fetchNextPage()} loading={communities.isFetchingNextPage}>
              Show more communities
            </Button>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!target} loading={move.isPending}>
              Move thread
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

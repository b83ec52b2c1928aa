import type { Thread } from '@guildhall/shared';
import { Button, Group, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowsExchange,
  IconChevronDown,
  IconLock,
  IconLockOpen,
  IconPencil,
  IconPin,
  IconPinnedOff,
  IconPlayerPlay,
  IconRotate,
} from '@tabler/icons-react';
import { isApiError } from '@/lib/api-client';
import { type ThreadModeration, useModerateThread } from '../api/moderate-thread';
import type { Resolution } from '../api/resolve-thread';
import { EditThreadDialog } from './edit-thread-dialog';
import { MoveThreadDialog } from './move-thread-dialog';

type Props = {
  thread: Thread;
  isAdmin: boolean;
  onResolve: (resolution: Resolution) => void;
  resolving: boolean;
};

/** A challenge's progress (its starter or a facilitator) and the facilitators' pin, lock and move. */
export function ThreadTools({ thread, isAdmin, onResolve, resolving }: Props) {
  const moderate = useModerateThread(thread.id);
  const [moveOpened, moving] = useDisclosure(false);
  const [editOpened, editing] = useDisclosure(false);
  const act = (action: ThreadModeration, done: string) =>
    moderate.mutate(action, {
      onSuccess: () => notifications.show({ color: 'indigo', title: thread.title, message: done }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'That did not work',
          message: isApiError(error) ? error.detail : 'Try again in a moment.',
        }),
    });

  const progress = thread.kind === 'challenge' && thread.canResolve;
  if (!progress && !thread.canModerate && !thread.canEdit) return null;

  return (
    <Group gap="xs" wrap="wrap" data-testid="thread-tools">
      {thread.canEdit && (
        <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={editing.open}>
          Edit title and tags
        </Button>
      )}
      {progress && thread.state === 'open' && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlayerPlay size={14} aria-hidden />}
          loading={resolving}
          onClick={() => onResolve({ type: 'challenge', state: 'being-worked' })}
        >
          Mark as being worked on
        </Button>
      )}
      {progress && thread.state !== 'open' && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRotate size={14} aria-hidden />}
          loading={resolving}
          onClick={() => onResolve({ type: 'challenge', state: 'open' })}
        >
          Reopen challenge
        </Button>
      )}
      {thread.canModerate && (
        <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} aria-hidden />} loading={moderate.isPending}>
              Facilitator tools
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={thread.pinned ? <IconPinnedOff size={16} aria-hidden /> : <IconPin size={16} aria-hidden />}
              onClick={() => act({ type: 'flags', pinned: !thread.pinned }, thread.pinned ? 'Unpinned.' : 'Pinned to the top of the list.')}
            >
              {thread.pinned ? 'Unpin' : 'Pin to top'}
            </Menu.Item>
            <Menu.Item
              leftSection={thread.locked ? <IconLockOpen size={16} aria-hidden /> : <IconLock size={16} aria-hidden />}
              onClick={() =>
                act(
                  { type: 'flags', locked: !thread.locked },
                  thread.locked ? 'Unlocked: members can reply again.' : 'Locked: only facilitators can reply.',
                )
              }
            >
              {thread.locked ? 'Unlock' : 'Lock replies'}
            </Menu.Item>
            <Menu.Item leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={moving.open}>
              Move to another community…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {editOpened && <EditThreadDialog thread={thread} opened onClose={editing.close} />}
      {thread.canModerate && moveOpened && (
        <MoveThreadDialog thread={thread} isAdmin={isAdmin} opened={moveOpened} onClose={moving.close} />
      )}
    </Group>
  );
}

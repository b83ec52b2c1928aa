import { THREAD_KIND_LABELS, THREAD_STATE_LABELS, type ThreadKind, type ThreadState } from '@guildhall/shared';
import { Badge, Group, type MantineColor } from '@mantine/core';
import { IconCircleCheck, IconLock, IconPin } from '@tabler/icons-react';
import { DARK_LABEL } from './contrast';

const KIND_COLORS: Record<ThreadKind, MantineColor> = { discussion: 'gray', question: 'blue', challenge: 'grape' };
const STATE_COLORS: Record<ThreadState, MantineColor> = {
  unanswered: 'orange',
  answered: 'green',
  open: 'orange',
  'being-worked': 'cyan',
  solved: 'green',
};
const DONE: ReadonlySet<ThreadState> = new Set(['answered', 'solved']);

type Props = { kind: ThreadKind; state: ThreadState | null; pinned: boolean; locked: boolean };

/** Kind, state, pinned and locked at a glance; icons carry words for screen readers too. */
export function ThreadBadges({ kind, state, pinned, locked }: Props) {
  return (
    <Group gap={6} wrap="wrap" data-testid="thread-badges">
      {pinned && (
        <Badge variant="light" color="indigo" leftSection={<IconPin size={12} aria-hidden />} data-testid="pinned-badge">
          Pinned
        </Badge>
      )}
      <Badge variant="light" color={KIND_COLORS[kind]} styles={DARK_LABEL} data-testid="kind-badge">
        {THREAD_KIND_LABELS[kind]}
      </Badge>
      {state && (
        <Badge
          variant="light"
          color={STATE_COLORS[state]}
          styles={DARK_LABEL}
          leftSection={DONE.has(state) ? <IconCircleCheck size={12} aria-hidden /> : undefined}
          data-testid="state-badge"
        >
          {THREAD_STATE_LABELS[state]}
        </Badge>
      )}
      {locked && (
        <Badge variant="light" color="dark" leftSection={<IconLock size={12} aria-hidden />} data-testid="locked-badge">
          Locked
        </Badge>
      )}
    </Group>
  );
}

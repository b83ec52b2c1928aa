import { type Post, REACTION_EMOJI, REACTIONS, type Reaction } from '@guildhall/shared';
import { ActionIcon, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMoodPlus } from '@tabler/icons-react';
import { isApiError } from '@/lib/api-client';
import { useSetReaction } from '../api/set-reaction';

const REACTION_LABELS: Record<Reaction, string> = {
  '+1': 'Thumbs up',
  heart: 'Heart',
  tada: 'Celebrate',
  eyes: 'Looking into it',
  rocket: 'Rocket',
  thinking: 'Thinking',
};

type Props = { post: Post; canReact: boolean };

const OWN_POST = 'Reactions are for other people’s posts, not your own';

/**
 * Counts of the fixed set of reactions; members toggle theirs (aria-pressed) or add one from the
 * menu. Reactions count toward the author's expertise, so the server refuses them on one's own
 * post: there the counts are read-only (an old reaction of one's own can still be taken back) and
 * the add button explains why it does nothing.
 */
export function ReactionsBar({ post, canReact }: Props) {
  const setReaction = useSetReaction();
  const toggle = (reaction: Reaction, on: boolean) =>
    setReaction.mutate(
      { threadId: post.threadId, postId: post.id, reaction, on },
      {
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'The reaction was not saved',
            message: isApiError(error) ? error.detail : 'Try again in a moment.',
          }),
      },
    );
  const unused = REACTIONS.filter((r) => !post.reactions.some((c) => c.reaction === r));
  if (post.status !== 'visible' || (!canReact && post.reactions.length === 0)) return null;

  return (
    <Group gap={6} wrap="wrap" data-testid="reactions">
      {post.reactions.map(({ reaction, count, mine }) => {
        const name = `${REACTION_LABELS[reaction]}: ${count}`;
        return canReact && (!post.isMine || mine) ? (
          <Button
            key={reaction}
            size="compact-sm"
            variant={mine ? 'light' : 'default'}
            aria-pressed={mine}
            aria-label={name}
            title={mine ? `${REACTION_LABELS[reaction]} (you reacted; click to take it back)` : REACTION_LABELS[reaction]}
            onClick={() => toggle(reaction, !mine)}
            disabled={setReaction.isPending}
          >
            <span aria-hidden>{REACTION_EMOJI[reaction]}</span>
            <Text span size="sm" ml={4} aria-hidden>
              {count}
            </Text>
          </Button>
        ) : (
          <Text key={reaction} size="sm" aria-label={name} role="img" px={6}>
            <span aria-hidden>
              {REACTION_EMOJI[reaction]} {count}
            </span>
          </Text>
        );
      })}
      {canReact && unused.length > 0 && post.isMine && (
        <Tooltip label={OWN_POST} withArrow events={{ hover: true, focus: true, touch: true }}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            data-disabled
            aria-disabled
            aria-label={`Add a reaction: ${OWN_POST.toLowerCase()}`}
            onClick={(event) => event.preventDefault()}
            data-testid="own-post-reaction"
          >
            <IconMoodPlus size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {canReact && unused.length > 0 && !post.isMine && (
        <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label="Add a reaction" size="md">
              <IconMoodPlus size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {unused.map((reaction) => (
              <Menu.Item
                key={reaction}
                leftSection={<span aria-hidden>{REACTION_EMOJI[reaction]}</span>}
                onClick={() => toggle(reaction, true)}
              >
                {REACTION_LABELS[reaction]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

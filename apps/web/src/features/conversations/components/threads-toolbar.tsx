import type { Community } from '@guildhall/shared';
import { Button, CloseButton, Group, SegmentedControl, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconShieldCheck, IconTag } from '@tabler/icons-react';
import { Link } from 'react-router';
import { THREAD_VIEWS, type ThreadView } from '../api/keys';

export const VIEW_LABELS: Record<ThreadView, string> = {
  latest: 'Latest activity',
  unanswered: 'Unanswered questions',
  challenges: 'Open challenges',
};

type Props = {
  community: Community;
  view: ThreadView;
  onView: (view: ThreadView) => void;
  tag?: string;
  onClearTag: () => void;
};

export const isMember = (community: Community) => community.myMembership?.status === 'active';

/** Which list, which tag, and the way to start a thread (or to the moderation queue, for managers). */
export function ThreadsToolbar({ community, view, onView, tag, onClearTag }: Props) {
  // Three long labels do not fit side by side on a phone.
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
      <Group gap="sm" wrap="wrap" style={{ flex: '1 1 20rem' }}>
        <SegmentedControl
          aria-label="Which threads"
          value={view}
          onChange={(value) => onView(value as ThreadView)}
          data={THREAD_VIEWS.map((v) => ({ value: v, label: VIEW_LABELS[v] }))}
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          w={narrow ? '100%' : undefined}
          data-testid="thread-views"
        />
        {tag && (
          <Group gap={4} wrap="nowrap" data-testid="tag-filter">
            <Text size="sm">
              <IconTag size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Tagged <strong>{tag}</strong>
            </Text>
            <CloseButton size="sm" aria-label={`Clear the tag filter ${tag}`} onClick={onClearTag} />
          </Group>
        )}
      </Group>
      <Group gap="sm">
        {community.canManage && (
          <Button
            component={Link}
            to={`/communities/${community.slug}/threads/moderation`}
            variant="default"
            leftSection={<IconShieldCheck size={16} aria-hidden />}
          >
            Moderation
          </Button>
        )}
        {isMember(community) && (
          <Button component={Link} to={`/communities/${community.slug}/threads/new`} leftSection={<IconPlus size={16} aria-hidden />}>
            New thread
          </Button>
        )}
      </Group>
    </Group>
  );
}

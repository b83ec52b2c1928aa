import type { ThreadSummary } from '@guildhall/shared';
import { Anchor, Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconMessage, IconTag } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDateTime, formatRelative, plural } from '@/lib/format';
import { REPLY_NOUNS } from './labels';
import { authorLabel } from './post-author';
import { ThreadBadges } from './thread-badges';
import classes from './thread-row.module.css';

type Props = {
  thread: ThreadSummary;
  activeTag?: string;
  onTag?: (tag: string) => void;
  /** Across communities, each row says where it lives. */
  showCommunity?: boolean;
};

const STARTED: Record<ThreadSummary['kind'], string> = { discussion: 'Started', question: 'Asked', challenge: 'Brought' };

/** One thread in a list: what it is, where it stands, what is new for me since I last read it. */
export function ThreadRow({ thread, activeTag, onTag, showCommunity = false }: Props) {
  const [one, many] = REPLY_NOUNS[thread.kind];
  // Never opened: everything is new; opened before: only what came since.
  const neverRead = thread.unreadCount > 0 && thread.unreadCount === thread.replyCount + 1;
  return (
    <Paper component="article" withBorder p="sm" className={classes.row} aria-labelledby={`thread-${thread.id}`} data-testid="thread-row">
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <ThreadBadges kind={thread.kind} state={thread.state} pinned={thread.pinned} locked={thread.locked} />
          {thread.unreadCount > 0 && (
            <Badge variant="filled" color="indigo" data-testid="unread-badge">
              {neverRead ? 'New' : `${thread.unreadCount} new`}
            </Badge>
          )}
        </Group>
        <Title order={3} size="h5" id={`thread-${thread.id}`} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/threads/${thread.id}`} c="inherit" underline="hover" fw={thread.unreadCount > 0 ? 700 : 600}>
            {thread.title}
          </Anchor>
        </Title>
        {thread.tags.length > 0 && (
          <Group gap={6} wrap="wrap">
            {thread.tags.map((tag) =>
              onTag ? (
                <UnstyledButton
                  key={tag}
                  className={classes.tag}
                  aria-pressed={tag === activeTag}
                  aria-label={`Show threads tagged ${tag}`}
                  onClick={() => onTag(tag)}
                >
                  <IconTag size={12} aria-hidden /> {tag}
                </UnstyledButton>
              ) : (
                <Text key={tag} span size="xs" className={classes.tag}>
                  <IconTag size={12} aria-hidden /> {tag}
                </Text>
              ),
            )}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {STARTED[thread.kind]} by {authorLabel(thread.author)}
          {showCommunity && ` in ${thread.community.name}`} · <IconMessage size={12} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
          {plural(thread.replyCount, one, many)} · active{' '}
          <time dateTime={thread.lastActivityAt} title={formatDateTime(thread.lastActivityAt)}>
            {formatRelative(thread.lastActivityAt)}
          </time>
        </Text>
      </Stack>
    </Paper>
  );
}

import type { Post, Thread } from '@guildhall/shared';
import { Anchor, Button, Center, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Fragment } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { plural } from '@/lib/format';
import { loadedReplies } from '../api/cache';
import { useThreadPosts } from '../api/get-posts';
import type { Resolution } from '../api/resolve-thread';
import { REPLY_NOUNS } from './labels';
import { authorLabel } from './post-author';
import { PostCard, type PostPermissions } from './post-card';

type Props = {
  thread: Thread;
  permissions: PostPermissions;
  /** The last post read before this visit (null on a first visit): replies after it are new. */
  readUpTo: string | null;
  onQuote: (post: Post) => void;
  onResolve: (resolution: Resolution) => void;
  resolving: boolean;
};

/** Where "new since your last visit" starts among the loaded replies, if it does. */
function firstNewIndex(replies: Post[], thread: Thread, readUpTo: string | null): number {
  if (!readUpTo) return -1;
  if (readUpTo === thread.firstPost.id) return replies.length > 0 ? 0 : -1;
  const read = replies.findIndex((p) => p.id === readUpTo);
  return read >= 0 && read < replies.length - 1 ? read + 1 : -1;
}

/** The replies, a page at a time (oldest first); the accepted answer is shown above, so here it only points there. */
export function ThreadReplies({ thread, permissions, readUpTo, onQuote, onResolve, resolving }: Props) {
  const posts = useThreadPosts(thread.id);
  const replies = loadedReplies(posts.data);
  const [one, many] = REPLY_NOUNS[thread.kind];
  const newFrom = firstNewIndex(replies, thread, readUpTo);

  return (
    <Stack gap="md" component="section" aria-labelledby="replies-heading" data-testid="replies">
      <Title order={2} size="h4" id="replies-heading">
        {plural(thread.replyCount, one, many)}
      </Title>
      {newFrom >= 0 && (
        <Anchor href="#new-since-last-visit" size="sm">
          Jump to what is new since your last visit
        </Anchor>
      )}
      {posts.isPending ? (
        <ListSkeleton rows={3} height={120} />
      ) : posts.isError ? (
        <ErrorState error={posts.error} title={`The ${many} could not be loaded`} headingOrder={3} onRetry={() => void posts.refetch()} />
      ) : replies.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-replies">
          {thread.kind === 'question'
            ? 'No answers yet. If you know something that could help, even partly, say so below.'
            : `No ${many} yet.`}
        </Text>
      ) : (
        replies.map((post, index) => (
          <Fragment key={post.id}>
            {index === newFrom && (
              <Divider
                id="new-since-last-visit"
                label="New since your last visit"
                labelPosition="center"
                color="indigo"
                data-testid="new-divider"
                styles={{ label: { color: 'var(--mantine-color-indigo-9)', fontWeight: 600 } }}
              />
            )}
            {post.id === thread.acceptedPostId && thread.acceptedAnswer ? (
              <Paper withBorder p="sm" id={`post-${post.id}`} data-testid="accepted-pointer">
                <Text size="sm">
                  <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
                  The {thread.kind === 'question' ? 'accepted answer' : 'solution'} by {authorLabel(post.author)} is shown at the top,{' '}
                  <Anchor href="#accepted-answer">under the {thread.kind}</Anchor>.
                </Text>
              </Paper>
            ) : (
              <PostCard
                post={post}
                permissions={permissions}
                variant="reply"
                onQuote={onQuote}
                onResolve={onResolve}
                resolving={resolving}
              />
            )}
          </Fragment>
        ))
      )}
      {posts.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void posts.fetchNextPage()} loading={posts.isFetchingNextPage}>
            Load more {many}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

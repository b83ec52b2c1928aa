import type { Mention } from '@guildhall/shared';
import { THREAD_KIND_LABELS } from '@guildhall/shared';
import { Anchor, Badge, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAt } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { formatDateTime, formatRelative } from '@/lib/format';
import { useMentions } from '../api/get-mentions';
import { AuthorName } from '../components/post-author';
import { PostBody } from '../components/post-body';

/** /mentions — posts that @mention me, newest first, in threads I can still read. */
export function MyMentionsRoute() {
  const mentions = useMentions();
  const items = mentions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="My mentions"
        description="Posts where someone wrote @ and your name: usually a question they hope you can help with."
      />
      {mentions.isPending ? (
        <ListSkeleton rows={3} height={120} />
      ) : mentions.isError ? (
        <ErrorState error={mentions.error} title="Your mentions could not be loaded" onRetry={() => void mentions.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconAt aria-hidden />}
          title="Nobody has mentioned you yet"
          description="When someone types @ and your name in a post, it shows up here. Answering questions in your communities is a good way to be found."
          actions={
            <Button component={Link} to="/communities">
              Browse communities
            </Button>
          }
          testId="mentions-empty"
        />
      ) : (
        <Stack gap="md" data-testid="mentions">
          {items.map((mention) => (
            <MentionItem key={mention.post.id} mention={mention} />
          ))}
          {mentions.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void mentions.fetchNextPage()} loading={mentions.isFetchingNextPage}>
                Load more mentions
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </>
  );
}

function MentionItem({ mention }: { mention: Mention }) {
  const { post, thread, community } = mention;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`mention-${post.id}`} data-testid="mention">
      <Stack gap="xs">
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color="gray">
            {THREAD_KIND_LABELS[thread.kind]}
          </Badge>
          <Text size="xs" c="dimmed">
            in{' '}
            <Anchor component={Link} to={`/communities/${community.slug}/threads`} size="xs">
              {community.name}
            </Anchor>
          </Text>
        </Group>
        <Title order={2} size="h5" id={`mention-${post.id}`}>
          <Anchor component={Link} to={`/threads/${thread.id}#post-${post.id}`}>
            {thread.title}
          </Anchor>
        </Title>
        <Text size="xs" c="dimmed">
          <AuthorName author={post.author} size="xs" /> ·{' '}
          <time dateTime={post.createdAt} title={formatDateTime(post.createdAt)}>
            {formatRelative(post.createdAt)}
          </time>
        </Text>
        <PostBody html={post.bodyHtml} />
      </Stack>
    </Paper>
  );
}

import type { FlaggedPost } from '@guildhall/shared';
import { Anchor, Badge, Button, Center, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSkeleton } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { useCommunityOutlet } from '@/features/communities';
import { formatDateTime, formatRelative, plural } from '@/lib/format';
import { useFlags } from '../api/get-flags';
import { useModeratePost } from '../api/moderate-post';
import { DARK_LABEL } from '../components/contrast';
import { AuthorName } from '../components/post-author';
import { PostBody } from '../components/post-body';
import { HidePostDialog } from '../components/post-dialogs';

/** /communities/:slug/threads/moderation — flagged posts, the longest-waiting first, for the community's facilitators. */
export function ModerationQueueRoute() {
  const { community } = useCommunityOutlet();
  const flags = useFlags(community.slug);
  const items = flags.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle title={`Moderation · ${community.name}`} />
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2}>Moderation queue</Title>
          <Anchor component={Link} to={`/communities/${community.slug}/threads`} size="sm">
            Back to threads
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          Posts members flagged, the longest-waiting first. Hiding keeps a post for its author and facilitators; every action is written to
          the audit log. Flaggers stay unnamed, and so do anonymous authors.
        </Text>
        {!community.canManage ? (
          <EmptyState
            title="For facilitators"
            description="Only this community's facilitators (and org admins) see its moderation queue."
          />
        ) : flags.isPending ? (
          <ListSkeleton rows={3} height={140} />
        ) : flags.isError ? (
          <ErrorState error={flags.error} title="The queue could not be loaded" onRetry={() => void flags.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconShieldCheck aria-hidden />}
            title="Nothing to review"
            description="No post is waiting. When a member flags one, it appears here."
            testId="moderation-empty"
          />
        ) : (
          <Stack gap="md" data-testid="moderation-queue">
            {items.map((item) => (
              <FlaggedItem key={item.post.id} item={item} slug={community.slug} />
            ))}
            {flags.hasNextPage && (
              <Center>
                <Button variant="default" onClick={() => void flags.fetchNextPage()} loading={flags.isFetchingNextPage}>
                  Load more
                </Button>
              </Center>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}

function FlaggedItem({ item, slug }: { item: FlaggedPost; slug: string }) {
  const moderate = useModeratePost(slug);
  const [hideOpened, hiding] = useDisclosure(false);
  const { post } = item;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`flagged-${post.id}`} data-testid="flagged-post">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h5" id={`flagged-${post.id}`}>
            <Anchor component={Link} to={`/threads/${item.thread.id}#post-${post.id}`}>
              {item.thread.title}
            </Anchor>
          </Title>
          <Group gap={6}>
            <Badge color="red" styles={DARK_LABEL} variant="light">
              {plural(item.flagCount, 'flag')}
            </Badge>
            {post.status !== 'visible' && (
              <Badge color="gray" variant="light">
                {post.status === 'hidden' ? 'Hidden' : 'Deleted'}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          Post by <AuthorName author={post.author} size="xs" />, first flagged{' '}
          <time dateTime={item.firstFlaggedAt} title={formatDateTime(item.firstFlaggedAt)}>
            {formatRelative(item.firstFlaggedAt)}
          </time>
        </Text>
        <Paper bg="gray.0" p="sm" radius="sm">
          <PostBody html={post.bodyHtml} />
        </Paper>
        <div>
          <Text size="sm" fw={500}>
            Reasons given
          </Text>
          <List size="sm">
            {item.reasons.map((reason, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two people may give the same reason
              <List.Item key={i}>{reason}</List.Item>
            ))}
          </List>
        </div>
        {moderate.error && <ProblemAlert error={moderate.error} />}
        <Group gap="sm" justify="flex-end">
          <Button
            variant="default"
            loading={moderate.isPending}
            onClick={() => moderate.mutate({ postId: post.id, action: { type: 'dismiss' } })}
          >
            Dismiss flags
          </Button>
          {post.status === 'hidden' ? (
            <Button
              variant="light"
              loading={moderate.isPending}
              onClick={() => moderate.mutate({ postId: post.id, action: { type: 'restore' } })}
            >
              Restore post
            </Button>
          ) : (
            post.status === 'visible' && (
              <Button color="red" onClick={hiding.open}>
                Hide post
              </Button>
            )
          )}
        </Group>
      </Stack>
      <HidePostDialog post={post} opened={hideOpened} onClose={hiding.close} slug={slug} />
    </Paper>
  );
}

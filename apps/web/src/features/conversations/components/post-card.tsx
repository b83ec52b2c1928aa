import type { Post, ThreadKind } from '@guildhall/shared';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCircleCheck, IconEyeOff, IconQuote } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '@/lib/format';
import type { Resolution } from '../api/resolve-thread';
import { DARK_LABEL } from './contrast';
import { AuthorName, authorLabel } from './post-author';
import { PostBody } from './post-body';
import { PostEditor } from './post-editor';
import { PostMenu } from './post-menu';
import { ReactionsBar } from './reactions-bar';
import { RevisionsModal } from './revisions-modal';

/** What the thread lets the viewer do with its posts (from the thread's capability flags). */
export type PostPermissions = {
  kind: ThreadKind;
  communitySlug: string;
  canResolve: boolean;
  canModerate: boolean;
  canReply: boolean;
  canReact: boolean;
};

type Props = {
  post: Post;
  permissions: PostPermissions;
  /** opening: the question or topic; accepted: shown again under it; reply: in the list. */
  variant: 'opening' | 'accepted' | 'reply';
  onQuote?: (post: Post) => void;
  onResolve?: (resolution: Resolution) => void;
  resolving?: boolean;
};

const NOUNS: Record<ThreadKind, Record<Props['variant'], string>> = {
  discussion: { opening: 'Opening post', accepted: 'Reply', reply: 'Reply' },
  question: { opening: 'Question', accepted: 'Accepted answer', reply: 'Answer' },
  challenge: { opening: 'Challenge', accepted: 'Solution', reply: 'Reply' },
};

export function PostCard({ post, permissions: can, variant, onQuote, onResolve, resolving }: Props) {
  const [editing, edit] = useDisclosure(false);
  const [historyOpened, history] = useDisclosure(false);
  const by = authorLabel(post.author);
  const isReply = variant !== 'opening';
  const visible = post.status === 'visible';
  const acceptLabel = can.kind === 'question' ? 'Accept answer' : 'Mark as solution';

  return (
    <Paper
      component="article"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      id={variant === 'accepted' ? undefined : `post-${post.id}`}
      aria-label={`${NOUNS[can.kind][variant]} by ${by}`}
      data-testid={`post-${variant}`}
      data-post-id={post.id}
      style={post.isAccepted ? { borderColor: 'var(--mantine-color-green-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Group gap={8} wrap="wrap" style={{ minWidth: 0 }}>
            <AuthorName author={post.author} />
            {post.author.anonymous && post.isMine && (
              <Badge variant="light" color="indigo" size="sm" title="Only you can see this">
                You (only you see this)
              </Badge>
            )}
            <Text size="xs" c="dimmed" component="span">
              <time dateTime={post.createdAt} title={formatDateTime(post.createdAt)}>
                {formatRelative(post.createdAt)}
              </time>
            </Text>
            {post.editedAt && post.status !== 'deleted' && (
              <Anchor component="button" type="button" size="xs" onClick={history.open} data-testid="edited-link">
                edited
              </Anchor>
            )}
            {post.isAccepted && (
              <Badge
                color="green"
                styles={DARK_LABEL}
                variant="light"
                leftSection={<IconCircleCheck size={12} aria-hidden />}
                data-testid="accepted-badge"
              >
                {can.kind === 'question' ? 'Accepted answer' : 'Solution'}
              </Badge>
            )}
          </Group>
          <PostMenu
            post={post}
            authorLabel={by}
            canModerate={can.canModerate}
            communitySlug={can.communitySlug}
            onEdit={edit.open}
            onHistory={history.open}
          />
        </Group>

        {post.quotedPost && (
          <Paper bg="gray.0" p="xs" radius="sm" data-testid="quoted-post">
            <Text size="xs" c="dimmed">
              Quoting{' '}
              <Anchor href={`#post-${post.quotedPost.id}`} size="xs">
                {authorLabel(post.quotedPost.author)}
              </Anchor>
            </Text>
            <Text size="sm" lineClamp={3}>
              {post.quotedPost.status === 'visible' ? post.quotedPost.excerpt : <em>That post is no longer shown.</em>}
            </Text>
          </Paper>
        )}

        {post.status === 'hidden' && post.body !== '' && (
          <Alert color="orange" variant="light" icon={<IconEyeOff aria-hidden />} p="xs">
            Hidden by a facilitator: only its author and the facilitators can read it.
          </Alert>
        )}

        {editing ? <PostEditor post={post} onDone={edit.close} /> : <PostBody html={post.bodyHtml} />}

        {!editing && (
          <Group justify="space-between" gap="xs" wrap="wrap">
            <ReactionsBar post={post} canReact={can.canReact} />
            <Group gap="xs" ml="auto">
              {visible && can.canReply && onQuote && (
                <Button size="compact-sm" variant="subtle" leftSection={<IconQuote size={14} aria-hidden />} onClick={() => onQuote(post)}>
                  Quote
                </Button>
              )}
              {/* Accepting one's own answer or marking one's own solution is self-endorsement, which the server refuses. */}
              {isReply && visible && can.canResolve && can.kind !== 'discussion' && onResolve && !post.isAccepted && !post.isMine && (
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconCircleCheck size={14} color="var(--mantine-color-green-8)" aria-hidden />}
                  loading={resolving}
                  onClick={() =>
                    onResolve(
                      can.kind === 'question'
                        ? { type: 'accept', postId: post.id }
                        : { type: 'challenge', state: 'solved', postId: post.id },
                    )
                  }
                >
                  {acceptLabel}
                </Button>
              )}
              {variant === 'accepted' && can.canResolve && onResolve && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="gray"
                  loading={resolving}
                  onClick={() => onResolve(can.kind === 'question' ? { type: 'unaccept' } : { type: 'challenge', state: 'being-worked' })}
                >
                  {can.kind === 'question' ? 'Unaccept' : 'Not solved after all'}
                </Button>
              )}
            </Group>
          </Group>
        )}
      </Stack>
      {post.editedAt && <RevisionsModal post={post} opened={historyOpened} onClose={history.close} />}
    </Paper>
  );
}

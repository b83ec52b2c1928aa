import type { Me, Post, Thread } from '@guildhall/shared';
import { Anchor, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { useCommunity } from '@/features/communities';
import { CapturedIn, SaveAsKnowledgeButton } from '@/features/knowledge';
import { InviteToAnswer, useMe } from '@/features/people';
import { hasCode } from '@/lib/api-client';
import { useThreadPosts } from '../api/get-posts';
import { useThread } from '../api/get-thread';
import { useResolveThread } from '../api/resolve-thread';
import { type Arrival, useThreadLive } from '../api/use-thread-live';
import { Composer } from '../components/composer';
import { REPLY_NOUNS } from '../components/labels';
import { authorLabel } from '../components/post-author';
import { PostCard, type PostPermissions } from '../components/post-card';
import { ReplyGate } from '../components/reply-gate';
import { ThreadBadges } from '../components/thread-badges';
import { ThreadReplies } from '../components/thread-replies';
import { ThreadTags } from '../components/thread-tags';
import { ThreadTools } from '../components/thread-tools';
import { useMarkReadAsShown } from '../components/use-mark-read';

/** /threads/:threadId — a thread on its first page of replies, kept live. */
export function ThreadRoute() {
  const { threadId = '' } = useParams();
  const thread = useThread(threadId);
  // Asked for at once, beside the thread, rather than after it arrives.
  useThreadPosts(threadId);
  const { data: me } = useMe();

  if (thread.isPending || !me) return <PageLoader />;
  if (thread.isError) {
    if (hasCode(thread.error, 'thread.not_found')) {
      return (
        <>
          <PageTitle title="Thread not found" />
          <EmptyState
            headingOrder={1}
            title="Thread not found"
            description="There is no thread at this address, or it is in a private community you are not a member of."
            actions={
              <Button component={Link} to="/communities">
                Browse communities
              </Button>
            }
            testId="thread-not-found"
          />
        </>
      );
    }
    return (
      <>
        <PageTitle title="Thread" />
        <ErrorState error={thread.error} title="This thread could not be loaded" headingOrder={1} onRetry={() => void thread.refetch()} />
      </>
    );
  }
  // Keyed: the read position captured on opening belongs to this one thread.
  return <ThreadPage key={thread.data.id} thread={thread.data} me={me} />;
}

function ThreadPage({ thread, me }: { thread: Thread; me: Me }) {
  const community = useCommunity(thread.community.slug);
  const resolve = useResolveThread(thread.id);
  // Where the person had read up to before this visit; marking read below must not move it.
  const [readUpTo] = useState(thread.lastReadPostId);
  const [quoting, setQuoting] = useState<Post | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const location = useLocation();
  const [one] = REPLY_NOUNS[thread.kind];

  useMarkReadAsShown(thread);

  const announce = useCallback(
    ({ post, shown }: Arrival) => setAnnouncement(`New ${one} from ${authorLabel(post.author)}.${shown ? '' : ' Load more to see it.'}`),
    [one],
  );
  useThreadLive(thread.id, me.id, announce);

  // A link to one post (#post-…) scrolls to it once it is on the page.
  useEffect(() => {
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [location.hash]);

  const permissions: PostPermissions = {
    kind: thread.kind,
    communitySlug: thread.community.slug,
    canResolve: thread.canResolve,
    canModerate: thread.canModerate,
    canReply: thread.canReply,
    canReact: community.data?.myMembership?.status === 'active',
  };
  const onResolve = resolve.mutate;
  const acceptedHeading = thread.kind === 'question' ? 'Accepted answer' : 'Solution';

  return (
    <>
      <PageTitle title={thread.title} />
      <Stack gap="lg">
        <Stack gap="xs">
          <Anchor component={Link} to={`/communities/${thread.community.slug}/threads`} size="sm" data-testid="community-link">
            <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Threads of {thread.community.name}
          </Anchor>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {thread.title}
          </Title>
          <Group gap="sm" wrap="wrap">
            <ThreadBadges kind={thread.kind} state={thread.state} pinned={thread.pinned} locked={thread.locked} />
            <ThreadTags tags={thread.tags} communitySlug={thread.community.slug} />
          </Group>
          <ThreadTools thread={thread} isAdmin={me.orgRole === 'admin'} onResolve={onResolve} resolving={resolve.isPending} />
          {/* A resolved question or challenge is knowledge waiting to be written down. */}
          <Group gap="md" align="flex-start" wrap="wrap">
            {thread.acceptedAnswer && thread.canReply && <SaveAsKnowledgeButton source={{ type: 'thread', id: thread.id }} />}
            <CapturedIn sourceType={thread.kind === 'challenge' ? 'challenge' : 'thread'} sourceId={thread.id} />
          </Group>
          {resolve.isError && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {resolve.error.message}
            </Text>
          )}
        </Stack>

        <PostCard post={thread.firstPost} permissions={permissions} variant="opening" onQuote={setQuoting} />

        {thread.acceptedAnswer && (
          <Stack gap="xs" component="section" aria-labelledby="accepted-answer" data-testid="accepted-answer">
            <Title order={2} size="h4" id="accepted-answer">
              <IconCircleCheck size={20} color="var(--mantine-color-green-8)" aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
              {acceptedHeading}
            </Title>
            <PostCard
              post={thread.acceptedAnswer}
              permissions={permissions}
              variant="accepted"
              onQuote={setQuoting}
              onResolve={onResolve}
              resolving={resolve.isPending}
            />
          </Stack>
        )}

        <ThreadReplies
          thread={thread}
          permissions={permissions}
          readUpTo={readUpTo}
          onQuote={setQuoting}
          onResolve={onResolve}
          resolving={resolve.isPending}
        />

        {thread.canReply ? (
          <Composer thread={thread} quoting={quoting} onClearQuote={() => setQuoting(null)} textareaRef={textareaRef} />
        ) : (
          <ReplyGate thread={thread} community={community.data} />
        )}

        {/* An open question is the moment to bring in the colleagues who know the answer. */}
        {thread.kind === 'question' && !thread.acceptedAnswer && thread.canReply && <InviteToAnswer threadId={thread.id} />}
      </Stack>
      <VisuallyHidden aria-live="polite" aria-atomic="true" data-testid="live-announcer">
        {announcement}
      </VisuallyHidden>
    </>
  );
}

import { Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconMessageQuestion, IconSearchOff } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useCommunityOutlet } from '@/features/communities';
import { useThreads } from '../api/get-threads';
import { THREAD_VIEWS, type ThreadView } from '../api/keys';
import { useThreadsLive } from '../api/use-threads-live';
import { JoinHint } from '../components/join-hint';
import { ThreadRow } from '../components/thread-row';
import { isMember, ThreadsToolbar, VIEW_LABELS } from '../components/threads-toolbar';

const isView = (value: string | null): value is ThreadView => THREAD_VIEWS.includes(value as ThreadView);

const EMPTY: Record<ThreadView, { title: string; description: string }> = {
  latest: {
    title: 'No threads yet',
    description: 'Ask the first question, bring a problem you are stuck on, or start a discussion: someone here has likely been there.',
  },
  unanswered: {
    title: 'No unanswered questions',
    description: 'Every question here has an accepted answer. Ask the next one: no question is too small.',
  },
  challenges: {
    title: 'No open challenges',
    description: 'Bring a problem the community can work on together; challenges feed its problem-solving sessions.',
  },
};

const NEW_THREAD_LABELS: Record<ThreadView, string> = {
  latest: 'Ask the first question',
  unanswered: 'Ask a question',
  challenges: 'Bring a challenge',
};

/** The community's Threads tab: latest activity, unanswered questions or open challenges, optionally by tag. */
export function CommunityThreadsRoute() {
  const { community } = useCommunityOutlet();
  // The view and tag live in the URL, so a filtered list can be shared and comes back on Back.
  const [params, setParams] = useSearchParams();
  const rawView = params.get('view');
  const view: ThreadView = isView(rawView) ? rawView : 'latest';
  const tag = params.get('tag')?.trim().toLowerCase() || undefined;
  const threads = useThreads({ community: community.slug, view, tag });
  useThreadsLive();
  const items = threads.data?.pages.flatMap((p) => p.items) ?? [];
  const member = isMember(community);

  const update = (next: { view?: ThreadView; tag?: string | null }) => {
    const search = new URLSearchParams(params);
    const v = next.view ?? view;
    if (v === 'latest') search.delete('view');
    else search.set('view', v);
    const t = next.tag === undefined ? tag : next.tag;
    if (t) search.set('tag', t);
    else search.delete('tag');
    setParams(search, { replace: true });
  };

  const newThread = member && (
    <Button component={Link} to={`/communities/${community.slug}/threads/new?kind=${view === 'challenges' ? 'challenge' : 'question'}`}>
      {NEW_THREAD_LABELS[view]}
    </Button>
  );

  return (
    <Stack gap="md">
      <VisuallyHidden>
        <h2>Threads</h2>
      </VisuallyHidden>
      <ThreadsToolbar
        community={community}
        view={view}
        onView={(v) => update({ view: v })}
        tag={tag}
        onClearTag={() => update({ tag: null })}
      />
      {!member && <JoinHint community={community} />}

      <section aria-label={`${VIEW_LABELS[view]}${tag ? `, tagged ${tag}` : ''}`} aria-busy={threads.isFetching}>
        {threads.isPending ? (
          <ListSkeleton rows={4} height={92} />
        ) : threads.isError ? (
          <ErrorState error={threads.error} title="Threads could not be loaded" onRetry={() => void threads.refetch()} />
        ) : items.length === 0 ? (
          tag ? (
            <EmptyState
              icon={<IconSearchOff aria-hidden />}
              title={`Nothing tagged ${tag} here`}
              description="Clear the tag to see every thread, or start one with this tag."
              actions={
                <Button variant="default" onClick={() => update({ tag: null })}>
                  Clear the tag
                </Button>
              }
              testId="threads-empty"
            />
          ) : (
            <EmptyState
              icon={<IconMessageQuestion aria-hidden />}
              title={EMPTY[view].title}
              description={member ? EMPTY[view].description : `${EMPTY[view].description} Join the community to take part.`}
              actions={newThread || undefined}
              testId="threads-empty"
            />
          )
        ) : (
          <Stack gap="sm" data-testid="thread-list" style={{ opacity: threads.isPlaceholderData ? 0.6 : 1 }}>
            {items.map((thread) => (
              <ThreadRow key={thread.id} thread={thread} activeTag={tag} onTag={(t) => update({ tag: t === tag ? null : t })} />
            ))}
            {threads.hasNextPage && (
              <Center>
                <Button variant="default" onClick={() => void threads.fetchNextPage()} loading={threads.isFetchingNextPage}>
                  Load more threads
                </Button>
              </Center>
            )}
            {threads.isFetching && !threads.isFetchingNextPage && (
              <Center>
                <Loader size="sm" role="status" aria-label="Updating threads" />
              </Center>
            )}
            {!threads.hasNextPage && items.length > 5 && (
              <Text size="xs" c="dimmed" ta="center">
                That is every thread{tag ? ` tagged ${tag}` : ''}.
              </Text>
            )}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

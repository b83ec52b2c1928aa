import type { PageRevisionSummary } from '@guildhall/shared';
import { Anchor, Button, Center, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ListSkeleton, PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { useCommunityOutlet } from '@/features/communities';
import { hasCode } from '@/lib/api-client';
import { useDiff } from '../api/get-diff';
import { usePage } from '../api/get-page';
import { useRevisions } from '../api/get-revisions';
import { useRestoreRevision } from '../api/restore-revision';
import { DiffLegend, DiffView } from '../components/diff-view';
import { PageNotFound } from '../components/page-not-found';
import { RevisionList } from '../components/revision-list';
import { knowledgePaths } from '../lib/paths';

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** /communities/:slug/knowledge/:pageId/history?from=&to= — the revisions, a diff between two, and restore. */
export function PageHistoryRoute() {
  const { community } = useCommunityOutlet();
  const { pageId = '' } = useParams();
  const slug = community.slug;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const from = positive(params.get('from'));
  const to = positive(params.get('to'));
  const range = from && to && from !== to ? { from: Math.min(from, to), to: Math.max(from, to) } : null;
  const page = usePage(pageId);
  const revisions = useRevisions(pageId);
  const diff = useDiff(pageId, range);
  const restore = useRestoreRevision(pageId);
  const [selected, setSelected] = useState<number[]>(range ? [range.from, range.to] : []);
  const [restoring, setRestoring] = useState<PageRevisionSummary | null>(null);

  if (page.isPending) return <PageLoader />;
  if (page.isError) {
    if (hasCode(page.error, 'page.not_found')) return <PageNotFound slug={slug} />;
    return <ErrorState error={page.error} title="This page could not be loaded" onRetry={() => void page.refetch()} />;
  }
  const p = page.data;
  const items = revisions.data?.pages.flatMap((x) => x.items) ?? [];
  const rangeHref = (a: number, b: number) => `${knowledgePaths.history(slug, p.id)}?from=${a}&to=${b}`;

  const toggle = (version: number) =>
    setSelected((current) => (current.includes(version) ? current.filter((v) => v !== version) : [...current, version].slice(-2)));

  const compare = () => {
    const [a, b] = [...selected].sort((x, y) => x - y);
    if (a && b) setParams({ from: String(a), to: String(b) });
  };

  const confirmRestore = () => {
    if (!restoring) return;
    restore.mutate(
      { revision: restoring.version, version: p.version },
      {
        onSuccess: (restored) => {
          setRestoring(null);
          notifications.show({
            color: 'indigo',
            title: `Version ${restoring.version} restored`,
            message: `It is now version ${restored.version}.`,
          });
          navigate(knowledgePaths.page(slug, restored.id));
        },
        onError: (error) => {
          // Someone saved meanwhile: show the fresh history; the dialog stays to try again.
          if (hasCode(error, 'page.version_conflict')) void page.refetch();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <PageTitle title={`History of ${p.title} · ${community.name}`} />
      <Stack gap={4}>
        <Anchor component={Link} to={knowledgePaths.page(slug, p.id)} size="sm">
          ← {p.title}
        </Anchor>
        <Title order={2}>History</Title>
        <Text size="sm" c="dimmed">
          Every save is kept. Tick two versions to compare them; restoring an old one makes it the newest version, so nothing is lost.
        </Text>
      </Stack>

      {range && (
        <Paper component="section" withBorder p={{ base: 'sm', sm: 'md' }} aria-labelledby="diff-heading" data-testid="diff">
          <Stack gap="sm">
            <Title order={3} size="h4" id="diff-heading">
              Changes from version {range.from} to version {range.to}
            </Title>
            <DiffLegend />
            {diff.isPending ? (
              <ListSkeleton rows={2} height={60} />
            ) : diff.isError ? (
              <ErrorState
                error={diff.error}
                title="The changes could not be compared"
                headingOrder={3}
                onRetry={() => void diff.refetch()}
              />
            ) : (
              <>
                <DiffView diff={diff.data.title} label="Title" testId="diff-title" />
                <DiffView diff={diff.data.body} label="Text" testId="diff-body" />
              </>
            )}
          </Stack>
        </Paper>
      )}

      <Group gap="sm">
        <Button leftSection={<IconArrowsDiff size={16} aria-hidden />} onClick={compare} disabled={selected.length !== 2}>
          Compare selected
        </Button>
        <Text size="xs" c="dimmed" aria-live="polite">
          {selected.length === 2 ? `Versions ${[...selected].sort((a, b) => a - b).join(' and ')} selected.` : 'Select two versions.'}
        </Text>
      </Group>

      {revisions.isPending ? (
        <ListSkeleton rows={4} height={64} />
      ) : revisions.isError ? (
        <ErrorState error={revisions.error} title="The history could not be loaded" onRetry={() => void revisions.refetch()} />
      ) : (
        <>
          <RevisionList
            revisions={items}
            currentVersion={p.version}
            selected={selected}
            onToggle={toggle}
            changesHref={(v) => rangeHref(v - 1, v)}
            onRestore={
              p.canEdit
                ? (revision) => {
                    restore.reset();
                    setRestoring(revision);
                  }
                : undefined
            }
          />
          {revisions.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void revisions.fetchNextPage()} loading={revisions.isFetchingNextPage}>
                Older versions
              </Button>
            </Center>
          )}
        </>
      )}

      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title={`Restore version ${restoring?.version ?? ''}?`}>
        <Stack gap="sm">
          <Text size="sm">
            Its title and text become the newest version ({p.version + 1}). The current version stays in the history, so you can come back
            to it.
          </Text>
          {restore.error && (
            <ProblemAlert
              error={restore.error}
              title={hasCode(restore.error, 'page.version_conflict') ? 'Someone saved the page meanwhile' : 'The version was not restored'}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRestoring(null)} data-autofocus>
              Cancel
            </Button>
            <Button onClick={confirmRestore} loading={restore.isPending}>
              Restore version {restoring?.version ?? ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

import { PAGE_KIND_LABELS, PAGE_KINDS, type PageKind } from '@guildhall/shared';
import { Button, Chip, Grid, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBook2, IconDownload, IconFileImport, IconPlus, IconPresentation } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSkeleton } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { useCommunityOutlet } from '@/features/communities';
import { usePageTree } from '../api/get-page-tree';
import { useKnowledgeLive } from '../api/use-knowledge-live';
import { ImportDialog } from '../components/import-dialog';
import { PageList } from '../components/page-list';
import { PageTree } from '../components/page-tree';
import { WhiteboardList } from '../components/whiteboard-list';
import { knowledgePaths } from '../lib/paths';

const isKind = (value: string | null): value is PageKind => PAGE_KINDS.includes(value as PageKind);

function Section({ title, children, testId, actions }: { title: string; children: ReactNode; testId?: string; actions?: ReactNode }) {
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'md' }} aria-label={title} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * /communities/:slug/knowledge — the community's pages as a tree and by kind, what changed
 * lately, what is due for a review (facilitators see all of it, others their own pages), and
 * the whiteboards. Facilitators import and everyone can take it all away as a zip.
 */
export function CommunityKnowledgeRoute() {
  const { community } = useCommunityOutlet();
  const slug = community.slug;
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const tree = usePageTree(slug);
  const [importing, importDialog] = useDisclosure(false);
  useKnowledgeLive(slug);
  const member = community.myMembership?.status === 'active';
  const curator = community.canManage;
  const empty = tree.data?.items.length === 0;

  const setKind = (next: string) => {
    const search = new URLSearchParams(params);
    if (isKind(next)) search.set('kind', next);
    else search.delete('kind');
    setParams(search, { replace: true });
  };

  const actions = (
    <Group gap="sm" wrap="wrap">
      {member && (
        <Button component={Link} to={knowledgePaths.newPage(slug)} leftSection={<IconPlus size={16} aria-hidden />}>
          New page
        </Button>
      )}
      {member && (
        <Button
          component={Link}
          to={knowledgePaths.newWhiteboard(slug)}
          variant="default"
          leftSection={<IconPresentation size={16} aria-hidden />}
        >
          New whiteboard
        </Button>
      )}
      {curator && (
        <Button variant="default" onClick={importDialog.open} leftSection={<IconFileImport size={16} aria-hidden />}>
          Import
        </Button>
      )}
      {!empty && (
        <Button
          component="a"
          href={knowledgePaths.exportAll(slug)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Export all
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="md">
      <PageTitle title={`Knowledge · ${community.name}`} />
      <Group justify="space-between" gap="sm">
        <VisuallyHidden>
          <h2>Knowledge</h2>
        </VisuallyHidden>
        <Text size="sm" c="dimmed" maw={520}>
          What the community has learned, written down to be found again: guides, practices, lessons and decisions.
        </Text>
        {actions}
      </Group>
      {curator && <ImportDialog slug={slug} opened={importing} onClose={importDialog.close} />}

      {tree.isPending ? (
        <ListSkeleton rows={4} height={48} />
      ) : tree.isError ? (
        <ErrorState error={tree.error} title="Knowledge could not be loaded" onRetry={() => void tree.refetch()} />
      ) : empty ? (
        <Stack gap="md">
          <EmptyState
            icon={<IconBook2 aria-hidden />}
            title="No pages yet"
            description={
              member
                ? 'Write down something the community keeps explaining, capture an accepted answer from a question, or import existing docs.'
                : 'Members write down what the community learns here. Join to add the first page.'
            }
            actions={actions}
            testId="knowledge-empty"
          />
          <Section title="Whiteboards">
            <WhiteboardList slug={slug} canCreate={member} />
          </Section>
        </Stack>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <Section title="Pages" testId="knowledge-tree">
                {tree.data.truncated && (
                  <Text size="xs" c="dimmed">
                    This space is large; the tree shows the first 5,000 pages. Lists by kind show them all.
                  </Text>
                )}
                <PageTree slug={slug} nodes={tree.data.items} label={`Pages of ${community.name}`} />
              </Section>
              <Section title="Whiteboards" testId="knowledge-whiteboards">
                <WhiteboardList slug={slug} canCreate={member} />
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              {curator ? (
                <Section title="Needs review" testId="knowledge-stale">
                  <PageList
                    slug={slug}
                    filters={{ stale: true, sort: 'review', limit: 10 }}
                    label="Pages past their review date"
                    empty="Every page has been reviewed in time."
                    testId="stale-list"
                  />
                </Section>
              ) : (
                member && (
                  <Section title="Your pages to review" testId="knowledge-stale">
                    <PageList
                      slug={slug}
                      filters={{ stale: true, owner: 'me', sort: 'review', limit: 10 }}
                      label="Your pages past their review date"
                      empty="None of your pages is due for a review."
                      testId="stale-list"
                    />
                  </Section>
                )
              )}
              <Section title="Recently updated" testId="knowledge-recent">
                <PageList
                  slug={slug}
                  filters={{ sort: 'updated', limit: 5 }}
                  paged={false}
                  label="Recently updated pages"
                  empty="Nothing has changed lately."
                />
              </Section>
              <Section title="By kind" testId="knowledge-by-kind">
                <Chip.Group multiple={false} value={kind ?? 'all'} onChange={setKind}>
                  <Group gap={6} role="radiogroup" aria-label="Kind of page">
                    <Chip value="all" size="xs" variant="outline">
                      All kinds
                    </Chip>
                    {PAGE_KINDS.map((k) => (
                      <Chip key={k} value={k} size="xs" variant="outline">
                        {PAGE_KIND_LABELS[k]}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                <PageList
                  slug={slug}
                  filters={{ kind, sort: 'title' }}
                  label={kind ? `${PAGE_KIND_LABELS[kind]} pages` : 'All pages'}
                  empty={kind ? `No ${PAGE_KIND_LABELS[kind].toLowerCase()} pages yet.` : 'No pages yet.'}
                  testId="kind-list"
                />
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

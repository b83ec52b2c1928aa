import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconHistory, IconPencil, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { useCommunityOutlet } from '@/features/communities';
import { hasCode } from '@/lib/api-client';
import { formatDate, formatRelative } from '@/lib/format';
import { usePage } from '../api/get-page';
import { useKnowledgeLive } from '../api/use-knowledge-live';
import { Backlinks } from '../components/backlinks';
import { KindBadge, StatusBadges } from '../components/page-badges';
import { PageBody } from '../components/page-body';
import { PageNotFound } from '../components/page-not-found';
import { PageOriginLine } from '../components/page-origin';
import { StaleBanner } from '../components/stale-banner';
import { TableOfContents } from '../components/table-of-contents';
import { knowledgePaths } from '../lib/paths';

function Aside({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="sm" aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** /communities/:slug/knowledge/:pageId — a page as its readers see it. */
export function KnowledgePageRoute() {
  const { community } = useCommunityOutlet();
  const { pageId = '' } = useParams();
  const slug = community.slug;
  const page = usePage(pageId);
  useKnowledgeLive(slug, pageId);

  if (page.isPending) return <PageLoader />;
  if (page.isError) {
    if (hasCode(page.error, 'page.not_found')) return <PageNotFound slug={slug} />;
    return <ErrorState error={page.error} title="This page could not be loaded" onRetry={() => void page.refetch()} />;
  }
  const p = page.data;
  // An old link under another community's address still reaches the page.
  if (p.community.slug !== slug) return <Navigate to={knowledgePaths.page(p.community.slug, p.id)} replace />;

  return (
    <Stack gap="md" data-testid="knowledge-page">
      <PageTitle title={`${p.title} · ${community.name}`} />
      <nav aria-label="Breadcrumb">
        <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
          <Anchor component={Link} to={knowledgePaths.tab(slug)} size="sm">
            Knowledge
          </Anchor>
          {p.ancestors.map((a) => (
            <Anchor key={a.id} component={Link} to={knowledgePaths.page(slug, a.id)} size="sm">
              {a.title}
            </Anchor>
          ))}
        </Breadcrumbs>
      </nav>

      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="page-title">
            {p.title}
          </Title>
          <Group gap={6} wrap="wrap">
            <KindBadge kind={p.kind} />
            <StatusBadges status={p.status} isStale={p.isStale} />
            {p.tags.map((tag) => (
              <Badge key={tag} component="span" variant="outline" color="gray" size="sm" tt="none">
                #{tag}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            {p.owner ? `Owned by ${p.owner.name}` : 'No owner'} · review by {formatDate(p.reviewBy)} · updated {formatRelative(p.updatedAt)}
            {p.updatedBy ? ` by ${p.updatedBy.name}` : ''}
          </Text>
          {p.origin && <PageOriginLine origin={p.origin} />}
        </Stack>
        <Group gap="xs" wrap="wrap">
          {p.canEdit && (
            <Button component={Link} to={knowledgePaths.edit(slug, p.id)} leftSection={<IconPencil size={16} aria-hidden />}>
              Edit
            </Button>
          )}
          <Button
            component={Link}
            to={knowledgePaths.history(slug, p.id)}
            variant="default"
            leftSection={<IconHistory size={16} aria-hidden />}
          >
            History
          </Button>
          <Button
            component="a"
            href={knowledgePaths.exportPage(p.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Export .md
          </Button>
        </Group>
      </Group>

      {p.status === 'draft' && (
        <Alert color="gray" variant="light" title="Draft" data-testid="draft-notice">
          Only you and the community’s facilitators can see this page until it is published. Edit it to finish and publish it.
        </Alert>
      )}
      <StaleBanner page={p} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 9 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            {p.bodySource.trim() ? (
              <PageBody html={p.bodyHtml} whiteboards={p.whiteboards} testId="page-body" />
            ) : (
              <Text c="dimmed" data-testid="page-body-empty">
                Nothing written yet.{p.canEdit ? ' Edit the page to add its content.' : ''}
              </Text>
            )}
            <Aside title="Sub-pages">
              {p.children.length > 0 ? (
                <List size="sm" spacing={4}>
                  {p.children.map((c) => (
                    <List.Item key={c.id}>
                      <Anchor component={Link} to={knowledgePaths.page(slug, c.id)} size="sm">
                        {c.title}
                      </Anchor>{' '}
                      <StatusBadges status={c.status} size="xs" />
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  None yet.
                </Text>
              )}
              {p.canEdit && (
                <Button
                  component={Link}
                  to={knowledgePaths.newPage(slug, { parent: p.id })}
                  variant="subtle"
                  size="xs"
                  mt="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                >
                  Add a sub-page
                </Button>
              )}
            </Aside>
            <Aside title="Pages that link here">
              <Backlinks slug={slug} pageId={p.id} />
            </Aside>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }} order={{ base: 1, md: 2 }}>
          <TableOfContents toc={p.toc} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

import { Alert, Anchor, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { useCommunityOutlet } from '@/features/communities';
import { hasCode } from '@/lib/api-client';
import { usePage } from '../api/get-page';
import { KindBadge } from '../components/page-badges';
import { PageForm } from '../components/page-form';
import { PageNotFound } from '../components/page-not-found';
import { PageOriginLine } from '../components/page-origin';
import { knowledgePaths } from '../lib/paths';

/** /communities/:slug/knowledge/:pageId/edit */
export function EditPageRoute() {
  const { community } = useCommunityOutlet();
  const { pageId = '' } = useParams();
  const navigate = useNavigate();
  const slug = community.slug;
  const page = usePage(pageId);

  if (page.isPending) return <PageLoader />;
  if (page.isError) {
    if (hasCode(page.error, 'page.not_found')) return <PageNotFound slug={slug} />;
    return <ErrorState error={page.error} title="This page could not be loaded" onRetry={() => void page.refetch()} />;
  }
  const p = page.data;
  const back = knowledgePaths.page(slug, p.id);

  return (
    <Stack gap="md">
      <PageTitle title={`Edit ${p.title} · ${community.name}`} />
      <Group gap="sm" justify="space-between">
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          Edit “{p.title}”
        </Title>
        <Group gap="xs">
          <KindBadge kind={p.kind} />
          <Anchor component={Link} to={knowledgePaths.history(slug, p.id)} size="sm">
            History
          </Anchor>
        </Group>
      </Group>
      {p.origin && <PageOriginLine origin={p.origin} />}
      {!p.canEdit ? (
        <Alert color="gray" variant="light" title="You cannot edit this page" data-testid="cannot-edit">
          Only active members of {community.name} edit its pages.{' '}
          <Anchor component={Link} to={back}>
            Back to the page
          </Anchor>
        </Alert>
      ) : (
        <PageForm
          // The editor starts from the version it loaded; a later refetch must not reset what is being typed.
          key={p.id}
          slug={slug}
          page={p}
          initial={{
            title: p.title,
            kind: p.kind,
            tags: p.tags,
            parentId: p.parentId,
            bodySource: p.bodySource,
            reviewBy: '',
            summary: '',
          }}
          cancelTo={back}
          onSaved={(saved) => {
            notifications.show({ color: 'indigo', title: saved.status === 'draft' ? 'Draft saved' : 'Page saved', message: saved.title });
            navigate(knowledgePaths.page(slug, saved.id));
          }}
        />
      )}
    </Stack>
  );
}

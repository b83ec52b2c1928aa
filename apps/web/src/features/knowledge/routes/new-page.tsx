import { Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { useCommunityOutlet } from '@/features/communities';
import { JoinToWrite } from '../components/join-to-write';
import { PageForm, type PageValues } from '../components/page-form';
import { knowledgePaths } from '../lib/paths';

/**
 * /communities/:slug/knowledge/new — `?title=` comes from a [[link]] to a page nobody has
 * written yet, `?parent=` from "Add a sub-page".
 */
export function NewPageRoute() {
  const { community } = useCommunityOutlet();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initial: PageValues = {
    title: params.get('title')?.slice(0, 200) ?? '',
    kind: null,
    tags: [],
    parentId: params.get('parent') || null,
    bodySource: '',
    reviewBy: '',
    summary: '',
  };

  return (
    <Stack gap="md">
      <PageTitle title={`New page · ${community.name}`} />
      <Title order={2}>New page</Title>
      {community.myMembership?.status !== 'active' ? (
        <JoinToWrite community={community} />
      ) : (
        <PageForm
          // A new ?title= (another missing link followed) starts a fresh form.
          key={params.toString()}
          slug={community.slug}
          initial={initial}
          cancelTo={knowledgePaths.tab(community.slug)}
          onSaved={(page) => {
            notifications.show({
              color: 'indigo',
              title: page.status === 'draft' ? 'Draft saved' : 'Page published',
              message: page.title,
            });
            navigate(knowledgePaths.page(community.slug, page.id));
          }}
        />
      )}
    </Stack>
  );
}

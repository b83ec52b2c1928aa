import { Button } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { useMe } from '@/features/people';
import { hasCode } from '@/lib/api-client';
import { useCommunity } from '../api/get-community';
import type { CommunityOutlet } from '../api/use-community-outlet';
import { ClosedBanner } from '../components/closed-banner';
import { CommunityTabs } from '../components/community-tabs';

/**
 * The frame of every community page: loads the community once (a private one the person cannot
 * read answers 404 like a missing one), shows its heading and section tabs, and hands the
 * community to the tab in view through the outlet.
 */
export function CommunityLayoutRoute() {
  const { slug = '' } = useParams();
  const community = useCommunity(slug);
  const { data: me } = useMe();

  if (community.isPending || !me) return <PageLoader />;
  if (community.isError) {
    if (hasCode(community.error, 'community.not_found')) {
      return (
        <>
          <PageTitle title="Community not found" />
          <EmptyState
            headingOrder={1}
            title="Community not found"
            description="There is no community at this address, or it is private and you are not a member."
            actions={
              <Button component={Link} to="/communities">
                Browse communities
              </Button>
            }
            testId="community-not-found"
          />
        </>
      );
    }
    return (
      <>
        <PageTitle title="Community" />
        <ErrorState
          error={community.error}
          title="This community could not be loaded"
          headingOrder={1}
          onRetry={() => void community.refetch()}
        />
      </>
    );
  }

  const c = community.data;
  return (
    <>
      <PageHeader
        title={c.name}
        actions={
          c.canManage && (
            <Button
              component={Link}
              to={`/communities/${c.slug}/edit`}
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              Edit community
            </Button>
          )
        }
      />
      <ClosedBanner community={c} />
      <CommunityTabs community={c} />
      <Suspense fallback={<PageLoader />}>
        <Outlet context={{ community: c } satisfies CommunityOutlet} />
      </Suspense>
    </>
  );
}

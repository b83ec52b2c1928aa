import { Button, Grid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { useMe } from '@/features/people';
import { hasCode } from '@/lib/api-client';
import { useCommunity } from '../api/get-community';
import { CommunityBadges } from '../components/community-badges';
import { CommunityDetails } from '../components/community-details';
import { InvitePerson } from '../components/invite-person';
import { MemberList } from '../components/member-list';
import { MembershipActions } from '../components/membership-actions';
import { JoinRequests } from '../components/pending-members';

export function CommunityRoute() {
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
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Stack gap="xs" component="section" aria-labelledby="domain-heading">
              <Title order={2} size="h4" id="domain-heading">
                Domain
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="community-domain">
                {c.domain}
              </Text>
              <CommunityBadges community={c} withStage />
            </Stack>
            <MembershipActions community={c} me={me} />
            <MemberList community={c} meId={me.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <CommunityDetails community={c} />
            {c.canManage && (
              <>
                <JoinRequests slug={c.slug} />
                <InvitePerson slug={c.slug} />
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

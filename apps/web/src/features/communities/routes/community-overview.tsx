import { Grid, Stack, Text, Title } from '@mantine/core';
import { PageLoader } from '@/components/ui/page-loader';
import { useMe } from '@/features/people';
import { useCommunityOutlet } from '../api/use-community-outlet';
import { CommunityBadges } from '../components/community-badges';
import { CommunityDetails } from '../components/community-details';
import { InvitePerson } from '../components/invite-person';
import { MemberList } from '../components/member-list';
import { MembershipActions } from '../components/membership-actions';
import { JoinRequests } from '../components/pending-members';

/** The community's front page: its domain, membership, members by role and, for managers, requests. */
export function CommunityOverviewRoute() {
  const { community: c } = useCommunityOutlet();
  const { data: me } = useMe();
  if (!me) return <PageLoader />;
  return (
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
  );
}

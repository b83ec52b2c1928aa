import { Grid, Stack, Text, Title } from '@mantine/core';
import { PageLoader } from '@/components/ui/page-loader';
import { CadenceLine } from '@/features/events';
import { StartHere } from '@/features/onboarding';
import { useMe } from '@/features/people';
import { useLifecycle } from '../api/get-lifecycle';
import { useCommunityOutlet } from '../api/use-community-outlet';
import { useLiveStewardship } from '../api/use-live-stewardship';
import { CharterSection } from '../components/charter-section';
import { CommunityBadges } from '../components/community-badges';
import { CommunityDetails } from '../components/community-details';
import { InvitePerson } from '../components/invite-person';
import { LifecycleSection } from '../components/lifecycle-section';
import { MemberList } from '../components/member-list';
import { MembershipActions } from '../components/membership-actions';
import { JoinRequests } from '../components/pending-members';
import { ProposalOrigin } from '../components/proposal-origin';

/**
 * The community's front page: its domain and how well it keeps its promised rhythm, membership,
 * the newcomer path, the charter, members by role; beside them its stage and, for managers,
 * requests and invitations.
 */
export function CommunityOverviewRoute() {
  const { community: c } = useCommunityOutlet();
  const { data: me } = useMe();
  const lifecycle = useLifecycle(c.slug);
  useLiveStewardship(c);
  // Only a launched community has a proposal behind it; asking others would only answer 404.
  const fromProposal = lifecycle.data?.history.some((h) => h.from === 'potential') ?? false;
  if (!me) return <PageLoader />;
  const closed = c.stage === 'archived';
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
            <CadenceLine slug={c.slug} />
            {fromProposal && <ProposalOrigin community={c} />}
          </Stack>
          <MembershipActions community={c} me={me} />
          {!closed && <StartHere community={c} />}
          <CharterSection community={c} />
          <MemberList community={c} meId={me.id} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">
          <LifecycleSection community={c} lifecycle={lifecycle} />
          <CommunityDetails community={c} />
          {c.canManage && !closed && (
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

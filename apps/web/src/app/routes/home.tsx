import type { CommunitySummary } from '@guildhall/shared';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { useCommunities, useJoinCommunity } from '@/features/communities';
import { CommunityCard } from '@/features/communities/components/community-card';
import { useMe } from '@/features/people';
import { WhatNext } from './home-next';

function AcceptButton({ community }: { community: CommunitySummary }) {
  const join = useJoinCommunity();
  return (
    <Stack gap="xs" w="100%">
      <Group gap="sm">
        <Button
          onClick={() =>
            join.mutate(community.slug, {
              onSuccess: () =>
                notifications.show({ color: 'indigo', title: `Welcome to ${community.name}`, message: 'You are now a member.' }),
            })
          }
          loading={join.isPending}
        >
          Accept invitation
        </Button>
        <Button component={Link} to={`/communities/${community.slug}`} variant="default">
          View
        </Button>
      </Group>
      {join.error && <ProblemAlert error={join.error} title="The invitation could not be accepted" />}
    </Stack>
  );
}

/** The signed-in landing page: invitations first, then what to do next, then the person's communities. */
export function HomeRoute() {
  const { data: me } = useMe();
  const mine = useCommunities({ mine: true });
  const items = mine.data?.pages.flatMap((p) => p.items) ?? [];
  const invitations = items.filter((c) => c.myMembership?.status === 'invited');
  const joined = items.filter((c) => c.myMembership?.status === 'active');
  const firstName = me?.name.split(/\s+/)[0] ?? '';
  const profileIncomplete = me && (!me.team || !me.seniority);

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        documentTitle="Home"
        description="Communities of Practice: people across teams who share a domain and learn together."
        actions={
          <>
            <Button component={Link} to="/communities" variant="default" leftSection={<IconSearch size={16} aria-hidden />}>
              Browse communities
            </Button>
            <Button component={Link} to="/proposals/new" leftSection={<IconBulb size={16} aria-hidden />}>
              Propose a community
            </Button>
          </>
        }
      />
      <Stack gap="xl">
        {profileIncomplete && (
          <Alert color="indigo" variant="light" title="Tell colleagues where you work" data-testid="profile-nudge">
            Add your team and seniority so communities can see how far across the organisation they reach.{' '}
            <Anchor component={Link} to="/profile" fw={600} size="sm">
              Complete your profile
            </Anchor>
          </Alert>
        )}

        {mine.isPending ? (
          <ListSkeleton rows={2} height={140} />
        ) : mine.isError ? (
          <ErrorState error={mine.error} title="Your communities could not be loaded" onRetry={() => void mine.refetch()} />
        ) : (
          <>
            {invitations.length > 0 && (
              <Stack gap="md" component="section" aria-labelledby="invitations-heading" data-testid="pending-invitations">
                <Title order={2} size="h3" id="invitations-heading">
                  Pending invitations
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                  {invitations.map((c) => (
                    <CommunityCard key={c.id} community={c} action={<AcceptButton community={c} />} />
                  ))}
                </SimpleGrid>
              </Stack>
            )}

            <WhatNext />

            <Stack gap="md" component="section" aria-labelledby="mine-heading" data-testid="my-communities">
              <Title order={2} size="h3" id="mine-heading">
                Your communities
              </Title>
              {joined.length === 0 ? (
                <EmptyState
                  icon={<IconUsersGroup aria-hidden />}
                  headingOrder={3}
                  title="You are not in any community yet"
                  description="Find a group around a topic you care about, or start one: a clear focus and a few passionate colleagues are enough."
                  actions={
                    <>
                      <Button component={Link} to="/communities" variant="default">
                        Browse communities
                      </Button>
                      <Button component={Link} to="/proposals/new">
                        Propose a community
                      </Button>
                    </>
                  }
                  testId="home-empty"
                />
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                  {joined.map((c) => (
                    <CommunityCard key={c.id} community={c} />
                  ))}
                </SimpleGrid>
              )}
              {mine.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" onClick={() => void mine.fetchNextPage()} loading={mine.isFetchingNextPage}>
                    Show more
                  </Button>
                </Group>
              )}
            </Stack>
          </>
        )}
      </Stack>
    </>
  );
}

import { Alert, SimpleGrid } from '@mantine/core';
import { PageHeader } from '@/components/ui/page-header';
import { InvitesPanel } from '@/features/auth/components/invites-panel';
import { useMe } from '@/features/people';
import { ThresholdPanel } from '@/features/proposals';
import { TeamsPanel } from '@/features/teams/components/teams-panel';

/** Org administration, composed from the teams and auth (invites) features. */
export function AdminRoute() {
  const { data: me } = useMe();
  if (me?.orgRole !== 'admin') {
    return (
      <>
        <PageHeader title="Admin" />
        <Alert color="gray" variant="light" title="Only Guildhall admins can see this page" data-testid="admin-only">
          Ask an admin if you need a team created or an invite link for a colleague.
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Admin" description="Set up teams, invite colleagues, and decide when a proposed community is ready to launch." />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <TeamsPanel />
        <InvitesPanel />
        <ThresholdPanel />
      </SimpleGrid>
    </>
  );
}

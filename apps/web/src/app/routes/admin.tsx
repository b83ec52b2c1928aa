import { Alert, SimpleGrid } from '@mantine/core';
import { PageHeader } from '@/components/ui/page-header';
import { AuditLogLink } from '@/features/audit';
import { InvitesPanel } from '@/features/auth/components/invites-panel';
import { useMe } from '@/features/people';
import { ThresholdPanel } from '@/features/proposals';
import { TeamsPanel } from '@/features/teams/components/teams-panel';

/** Org administration, composed from the teams, auth (invites), proposals and audit features. */
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
      <PageHeader
        title="Admin"
        description="Set up teams, invite colleagues, decide when a proposed community is ready to launch, and read the audit log."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <TeamsPanel />
        <InvitesPanel />
        <ThresholdPanel />
        <AuditLogLink />
      </SimpleGrid>
    </>
  );
}

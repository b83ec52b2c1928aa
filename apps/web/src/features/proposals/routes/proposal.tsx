import { CATEGORY_LABELS, type Proposal } from '@guildhall/shared';
import { Alert, Anchor, Badge, Button, Grid, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRocket } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { useMe } from '@/features/people';
import { hasCode } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useProposal } from '../api/get-proposal';
import { useLiveProposals } from '../api/use-live-proposals';
import { useWithdrawProposal } from '../api/withdraw-proposal';
import { Discussion } from '../components/discussion';
import { InterestPanel } from '../components/interest-panel';
import { InterestedPeople } from '../components/interested-people';
import { LaunchDialog } from '../components/launch-dialog';
import { ProposalStatusBadge, ReadinessPanel } from '../components/readiness';

function Pitch({ proposal: p }: { proposal: Proposal }) {
  const parts: [string, string][] = [
    ['Why now', p.whyNow],
    ['The problem it would help with', p.problem],
    ['First focus', p.firstFocus],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pitch-heading" data-testid="pitch">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pitch-heading">
          The pitch
        </Title>
        {parts.map(([heading, text]) => (
          <Stack key={heading} gap={2}>
            <Title order={3} size="h6">
              {heading}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {text}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/** Launch and withdraw, for the proposer and org admins, while the proposal is open. */
function Actions({ proposal: p, meId }: { proposal: Proposal; meId: string }) {
  const [launchOpened, launch] = useDisclosure(false);
  const [withdrawOpened, withdrawDialog] = useDisclosure(false);
  const withdraw = useWithdrawProposal(p.id);
  if (!p.canLaunch && !p.canWithdraw) return null;

  const doWithdraw = () =>
    withdraw.mutate(undefined, {
      onSuccess: () => {
        withdrawDialog.close();
        notifications.show({ color: 'gray', message: 'The proposal was withdrawn. It stays readable here.' });
      },
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="actions-heading" data-testid="proposal-actions">
      <Stack gap="sm">
        <Title order={2} size="h4" id="actions-heading">
          {p.proposer.id === meId ? 'Your proposal' : 'Manage this proposal'}
        </Title>
        {p.canLaunch && (
          <>
            <Text size="sm" c="dimmed">
              {p.readiness.ready
                ? 'It has the people it needs. Launching creates the community and invites those who said they would join.'
                : 'Launching opens once the threshold is met.'}
            </Text>
            <Button
              leftSection={<IconRocket size={16} aria-hidden />}
              onClick={launch.open}
              disabled={!p.readiness.ready}
              data-testid="launch-button"
            >
              Launch
            </Button>
            <LaunchDialog key={String(launchOpened)} proposal={p} meId={meId} opened={launchOpened} onClose={launch.close} />
          </>
        )}
        {p.canWithdraw && (
          <Button variant="default" color="red" onClick={withdrawDialog.open}>
            Withdraw
          </Button>
        )}
      </Stack>
      <Modal opened={withdrawOpened} onClose={withdrawDialog.close} title="Withdraw this proposal?" centered>
        <Stack gap="md">
          <Text size="sm">It stops gathering interest and cannot be launched. What people said stays readable.</Text>
          {withdraw.error && <ProblemAlert error={withdraw.error} title="The proposal was not withdrawn" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={withdrawDialog.close}>
              Keep it open
            </Button>
            <Button color="red" onClick={doWithdraw} loading={withdraw.isPending}>
              Withdraw
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function Closed({ proposal: p }: { proposal: Proposal }) {
  if (p.status === 'launched') {
    return (
      <Alert color="indigo" variant="light" title="Launched" data-testid="proposal-launched">
        {p.community ? (
          <>
            This proposal became{' '}
            <Anchor component={Link} to={`/communities/${p.community.slug}`} fw={600} underline="always">
              {p.community.name}
            </Anchor>
            {p.closedAt && ` on ${formatDate(p.closedAt)}`}.
          </>
        ) : (
          'This proposal became a community you cannot see.'
        )}
      </Alert>
    );
  }
  if (p.status === 'withdrawn') {
    return (
      <Alert color="gray" variant="light" title="Withdrawn" data-testid="proposal-withdrawn">
        The proposer withdrew it{p.closedAt && ` on ${formatDate(p.closedAt)}`}. It no longer gathers interest.
      </Alert>
    );
  }
  return null;
}

/** One proposal: the pitch, who is interested, progress to launch, a short discussion, launch. */
export function ProposalRoute() {
  const { proposalId = '' } = useParams();
  const proposal = useProposal(proposalId);
  const { data: me } = useMe();
  useLiveProposals(proposalId);

  if (proposal.isPending || !me) return <PageLoader />;
  if (proposal.isError) {
    if (hasCode(proposal.error, 'proposal.not_found')) {
      return (
        <>
          <PageTitle title="Proposal not found" />
          <EmptyState
            headingOrder={1}
            title="Proposal not found"
            description="There is no proposal at this address. The link may be incomplete."
            actions={
              <Button component={Link} to="/proposals">
                See all proposals
              </Button>
            }
            testId="proposal-not-found"
          />
        </>
      );
    }
    return (
      <>
        <PageTitle title="Proposal" />
        <ErrorState
          error={proposal.error}
          title="This proposal could not be loaded"
          headingOrder={1}
          onRetry={() => void proposal.refetch()}
        />
      </>
    );
  }

  const p = proposal.data;
  const open = p.status === 'open';
  return (
    <>
      <PageHeader
        title={p.topic}
        documentTitle={`${p.topic} (proposal)`}
        description={
          <>
            Proposed by{' '}
            <Anchor component={Link} to={`/people/${p.proposer.id}`} inherit underline="always">
              {p.proposer.name}
            </Anchor>{' '}
            on {formatDate(p.createdAt)}
          </>
        }
        actions={
          <Group gap={6}>
            <Badge variant="light" color="indigo" tt="none">
              {CATEGORY_LABELS[p.category]}
            </Badge>
            <ProposalStatusBadge status={p.status} readiness={p.readiness} />
          </Group>
        }
      />
      <Grid gap="lg">
        {/* On phones, progress and launch come first: they are what changes. */}
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <Closed proposal={p} />
            <Pitch proposal={p} />
            {open && <InterestPanel proposal={p} meId={me.id} />}
            <InterestedPeople proposal={p} />
            <Discussion proposalId={p.id} open={open} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            {open && <ReadinessPanel readiness={p.readiness} open={open} />}
            {open && <Actions proposal={p} meId={me.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

import { type ProposalStatus, type ProposalSummary, ProposalStatus as StatusSchema } from '@guildhall/shared';
import { Button, Center, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useProposals } from '../api/get-proposals';
import { useLiveProposals } from '../api/use-live-proposals';
import { ProposalCard } from '../components/proposal-card';

const TABS: { status: ProposalStatus; label: string }[] = [
  { status: 'open', label: 'Open' },
  { status: 'launched', label: 'Launched' },
  { status: 'withdrawn', label: 'Withdrawn' },
];

const EMPTY: Record<ProposalStatus, { title: string; description: string }> = {
  open: {
    title: 'No proposals are open',
    description: 'Have a topic people keep asking about? Propose a community and see who would join.',
  },
  launched: { title: 'No proposal has launched yet', description: 'A proposal launches once enough colleagues from enough teams are in.' },
  withdrawn: { title: 'Nothing withdrawn', description: 'Proposals their proposer withdrew are kept here.' },
};

function Grid({ items }: { items: ProposalSummary[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {items.map((p) => (
        <ProposalCard key={p.id} proposal={p} />
      ))}
    </SimpleGrid>
  );
}

function ProposalList({ status }: { status: ProposalStatus }) {
  const proposals = useProposals(status);
  const items = proposals.data?.pages.flatMap((p) => p.items) ?? [];

  if (proposals.isPending) return <ListSkeleton rows={3} height={150} />;
  if (proposals.isError)
    return (
      <ErrorState error={proposals.error} title="Proposals could not be loaded" headingOrder={2} onRetry={() => void proposals.refetch()} />
    );
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<IconBulb aria-hidden />}
        {...EMPTY[status]}
        actions={
          status === 'open' && (
            <Button component={Link} to="/proposals/new">
              Propose a community
            </Button>
          )
        }
        testId="proposals-empty"
      />
    );
  }

  // Open proposals come in two kinds worth telling apart at once: ready ones wait for a launch.
  const ready = status === 'open' ? items.filter((p) => p.readiness.ready) : [];
  const rest = status === 'open' ? items.filter((p) => !p.readiness.ready) : items;
  return (
    <Stack gap="lg">
      {ready.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="ready-heading" data-testid="proposals-ready">
          <Title order={2} size="h3" id="ready-heading">
            Ready to launch
          </Title>
          <Grid items={ready} />
        </Stack>
      )}
      {rest.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="rest-heading" data-testid={`proposals-${status}`}>
          <Title order={2} size="h3" id="rest-heading">
            {status === 'open' ? 'Seeking interest' : status === 'launched' ? 'Launched' : 'Withdrawn'}
          </Title>
          {status === 'open' && (
            <Text size="sm" c="dimmed">
              Say "I'd join", "I'd help lead" or "I could give the first talk" on any that speaks to you.
            </Text>
          )}
          <Grid items={rest} />
        </Stack>
      )}
      {proposals.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void proposals.fetchNextPage()} loading={proposals.isFetchingNextPage}>
            Show more proposals
          </Button>
        </Center>
      )}
    </Stack>
  );
}

/** Proposed communities: open ones gathering interest (ready ones first), launched and withdrawn. */
export function ProposalsRoute() {
  const [params, setParams] = useSearchParams();
  const parsed = StatusSchema.safeParse(params.get('status'));
  const status: ProposalStatus = parsed.success ? parsed.data : 'open';
  useLiveProposals();

  return (
    <>
      <PageHeader
        title="Proposals"
        description="Communities that do not exist yet: gauge interest, find a core group, then launch."
        actions={
          <Button component={Link} to="/proposals/new" leftSection={<IconPlus size={16} aria-hidden />}>
            Propose a community
          </Button>
        }
      />
      <Tabs
        value={status}
        onChange={(value) => setParams(value && value !== 'open' ? { status: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {TABS.map((t) => (
            <Tabs.Tab key={t.status} value={t.status}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.status} value={t.status}>
            <ProposalList status={t.status} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

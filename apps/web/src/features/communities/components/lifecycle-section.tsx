import { type Community, type Lifecycle, STAGE_LABELS } from '@guildhall/shared';
import { Badge, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { formatDate } from '@/lib/format';
import { STAGE_HINTS, StageDialog } from './stage-dialog';

const PATH = ['coalescing', 'maturing', 'stewardship', 'archived'] as const;

function History({ lifecycle }: { lifecycle: Lifecycle }) {
  const [opened, toggle] = useDisclosure(false);
  if (lifecycle.history.length === 0) return null;
  const shown = opened ? [...lifecycle.history].reverse() : [...lifecycle.history].reverse().slice(0, 1);
  return (
    <Stack gap="xs">
      <Timeline bulletSize={12} lineWidth={2} active={-1} data-testid="stage-history">
        {shown.map((h) => (
          <Timeline.Item key={`${h.at}:${h.to}`} title={`${STAGE_LABELS[h.from]} → ${STAGE_LABELS[h.to]}`}>
            <Text size="xs" c="dimmed">
              {formatDate(h.at)}
              {h.by && ` · ${h.by.name}`}
            </Text>
            {h.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {h.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {lifecycle.history.length > 1 && (
        <div>
          <Button variant="subtle" size="xs" onClick={toggle.toggle} aria-expanded={opened}>
            {opened ? 'Show only the latest change' : `Show all ${lifecycle.history.length} changes`}
          </Button>
        </div>
      )}
    </Stack>
  );
}

type Props = {
  community: Community;
  lifecycle: { data?: Lifecycle; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
};

/** Where the community is in its life (after Wenger), how it got there, and for facilitators "Move stage". */
export function LifecycleSection({ community, lifecycle }: Props) {
  const [opened, dialog] = useDisclosure(false);
  const stage = lifecycle.data?.stage ?? community.stage;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stage-heading" data-testid="lifecycle">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} size="h4" id="stage-heading">
            Stage
          </Title>
          {lifecycle.data?.canChange && (
            <Button variant="default" size="xs" onClick={dialog.open}>
              Move stage
            </Button>
          )}
        </Group>
        <Group gap={4} wrap="wrap" role="list" aria-label="Stages">
          {PATH.map((s) => (
            <Badge
              key={s}
              role="listitem"
              variant={s === stage ? 'filled' : 'light'}
              color={s === stage ? 'grape' : 'gray'}
              aria-current={s === stage ? 'step' : undefined}
              tt="none"
            >
              {STAGE_LABELS[s]}
            </Badge>
          ))}
        </Group>
        <Text size="sm" data-testid="stage-hint">
          <strong>{STAGE_LABELS[stage]}.</strong> {STAGE_HINTS[stage]}
        </Text>
        {lifecycle.isPending ? (
          <ListSkeleton rows={1} height={32} />
        ) : lifecycle.isError ? (
          <ErrorState
            error={lifecycle.error}
            title="The stage history could not be loaded"
            headingOrder={3}
            onRetry={() => void lifecycle.refetch()}
          />
        ) : (
          lifecycle.data && <History lifecycle={lifecycle.data} />
        )}
      </Stack>
      {lifecycle.data?.canChange && (
        <StageDialog key={String(opened)} slug={community.slug} current={stage} opened={opened} onClose={dialog.close} />
      )}
    </Paper>
  );
}

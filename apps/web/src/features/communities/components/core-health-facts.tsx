import { type CoreHealth, SENIORITY_LABELS } from '@guildhall/shared';
import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { plural } from '@/lib/format';

const SIZE_STATUS: Record<CoreHealth['sizeStatus'], { label: string; color: string }> = {
  'too-small': { label: 'Too small', color: 'red' },
  ok: { label: 'A good size', color: 'indigo' },
  'too-large': { label: 'Too large', color: 'red' },
};

function Fact({ heading, children, testId }: { heading: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap={6}>
        <Title order={3} size="h6" c="dimmed">
          {heading}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The four numbers the brief's guidance turns on: size, teams, seniority, recent activity. */
export function CoreHealthFacts({ health }: { health: CoreHealth }) {
  const status = SIZE_STATUS[health.sizeStatus];
  const { min, max } = health.guidance;
  const activeShare = health.size ? Math.round((health.activeLast30Days / health.size) * 100) : 0;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <Fact heading="Core size" testId="health-size">
        <Group gap="xs" align="baseline">
          <Text fz={28} fw={700} lh={1}>
            {health.size}
          </Text>
          <Badge variant="light" color={status.color}>
            {status.label}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          The guidance: {min}–{max} dedicated people.
        </Text>
      </Fact>
      <Fact heading="Spread across teams" testId="health-teams">
        <Text fz={28} fw={700} lh={1}>
          {plural(health.teams.filter((t) => t.team).length, 'team')}
        </Text>
        <Group gap={4} wrap="wrap">
          {health.teams.map((t) => (
            <Badge key={t.team?.id ?? 'none'} variant="light" color="gray" tt="none">
              {t.team?.name ?? 'No team given'}: {t.count}
            </Badge>
          ))}
        </Group>
      </Fact>
      <Fact heading="Seniority mix" testId="health-seniority">
        <Group gap={4} wrap="wrap">
          {health.seniority.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody in the core yet.
            </Text>
          ) : (
            health.seniority.map((s) => (
              <Badge key={s.seniority ?? 'none'} variant="light" color="gray" tt="none">
                {s.seniority ? SENIORITY_LABELS[s.seniority] : 'Not given'}: {s.count}
              </Badge>
            ))
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Junior members often bring fresh perspectives.
        </Text>
      </Fact>
      <Fact heading="Active in the last 30 days" testId="health-active">
        <Text fz={28} fw={700} lh={1}>
          {health.activeLast30Days} of {health.size}
        </Text>
        <Progress
          value={activeShare}
          color={activeShare >= 60 ? 'teal' : 'orange'}
          aria-label={`${health.activeLast30Days} of ${health.size} core members active in the last 30 days`}
        />
      </Fact>
    </SimpleGrid>
  );
}

import type { ProposalStatus, Readiness } from '@guildhall/shared';
import { Alert, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconRocket } from '@tabler/icons-react';
import { READINESS_PARTS, readinessLine, readinessPart } from './labels';

/** A badge for where a proposal stands: ready, still gathering, launched or withdrawn. */
export function ProposalStatusBadge({ status, readiness }: { status: ProposalStatus; readiness: Readiness }) {
  if (status === 'launched')
    return (
      <Badge variant="light" color="grape">
        Launched
      </Badge>
    );
  if (status === 'withdrawn')
    return (
      <Badge variant="light" color="gray">
        Withdrawn
      </Badge>
    );
  return readiness.ready ? (
    <Badge variant="filled" color="violet" leftSection={<IconRocket size={12} aria-hidden />} data-testid="ready-badge">
      Ready to launch
    </Badge>
  ) : (
    <Badge variant="light" color="indigo">
      Seeking interest
    </Badge>
  );
}

/** The one-line version for cards: "4 of 5 interested · 1 of 2 willing to lead · 2 teams". */
export function ReadinessLine({ readiness }: { readiness: Readiness }) {
  return (
    <Text size="sm" c="dimmed" data-testid="readiness-line">
      {readinessLine(readiness)}
    </Text>
  );
}

/** Progress toward the admin-set threshold, part by part, and a clear "Ready to launch" once it is met. */
export function ReadinessPanel({ readiness, open }: { readiness: Readiness; open: boolean }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="readiness-heading" data-testid="readiness">
      <Stack gap="sm">
        <Title order={2} size="h4" id="readiness-heading">
          Progress toward launch
        </Title>
        {open && readiness.ready && (
          <Alert color="indigo" variant="light" icon={<IconRocket aria-hidden />} title="Ready to launch" data-testid="ready-to-launch">
            Enough people are in, from enough teams, with enough willing to lead. The proposer (or an admin) can launch it.
          </Alert>
        )}
        <Stack gap="xs">
          {READINESS_PARTS.map((part) => {
            const have = readiness[part];
            const need = readiness.threshold[part];
            const label = readinessPart(readiness, part);
            return (
              <Stack key={part} gap={4}>
                <Group gap={6} wrap="nowrap">
                  {have >= need && <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />}
                  <Text size="sm" fw={500}>
                    {label}
                  </Text>
                </Group>
                <Progress value={Math.min(100, (have / need) * 100)} color={have >= need ? 'teal' : 'indigo'} aria-label={label} />
              </Stack>
            );
          })}
        </Stack>
        <Text size="xs" c="dimmed">
          The proposer counts as interested and as willing to lead. An admin sets the threshold.
        </Text>
      </Stack>
    </Paper>
  );
}

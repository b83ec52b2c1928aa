import { type Helper, SKILL_LEVEL_LABELS } from '@guildhall/shared';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { countsSummary, EvidenceList } from './evidence-list';
import { PersonLine } from './person-line';

/** "3 accepted answers · 1 talk · 2 answers · 5 reactions". */
export function helperSummary(helper: Helper): string {
  return countsSummary(helper.counts) || 'No answers, talks or pages yet';
}

type Props = { helper: Helper; rank?: number; action?: ReactNode };

/** One person who can help with a topic, with the evidence for it. */
export function HelperCard({ helper, rank, action }: Props) {
  return (
    <Card withBorder padding="md" component="li" data-testid="helper" data-person-id={helper.person.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <PersonLine
            person={helper.person}
            extra={
              rank !== undefined && (
                <Badge size="sm" variant="light" color="gray">
                  #{rank}
                </Badge>
              )
            }
          />
          {action}
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="sm">{helperSummary(helper)}</Text>
          {helper.declaredLevel && (
            <Badge size="sm" variant="light" color="grape" tt="none">
              Says: {SKILL_LEVEL_LABELS[helper.declaredLevel as 1 | 2 | 3].toLowerCase()}
            </Badge>
          )}
        </Group>
        <EvidenceList evidence={helper.evidence} label={`Evidence for ${helper.person.name}`} />
      </Stack>
    </Card>
  );
}

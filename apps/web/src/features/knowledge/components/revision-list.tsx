import type { PageRevisionSummary } from '@guildhall/shared';
import { Anchor, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';

type Props = {
  revisions: PageRevisionSummary[];
  currentVersion: number;
  selected: readonly number[];
  onToggle: (version: number) => void;
  /** The address of one revision's own changes (against the one before it). */
  changesHref: (version: number) => string;
  onRestore?: (revision: PageRevisionSummary) => void;
};

/** Every save, newest first: who, when, their note; pick two to compare, or restore an older one. */
export function RevisionList({ revisions, currentVersion, selected, onToggle, changesHref, onRestore }: Props) {
  return (
    <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Revisions" data-testid="revision-list">
      {revisions.map((r) => (
        <Paper key={r.version} component="li" withBorder p="sm" data-testid="revision-row">
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: '1 1 16rem', minWidth: 0 }}>
              <Checkbox
                mt={3}
                checked={selected.includes(r.version)}
                onChange={() => onToggle(r.version)}
                aria-label={`Compare version ${r.version}`}
              />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  Version {r.version}
                  {r.version === currentVersion ? ' (current)' : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.author?.name ?? 'Someone no longer here'} · {formatDateTime(r.createdAt)}
                </Text>
                {r.summary && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {r.summary}
                  </Text>
                )}
              </Stack>
            </Group>
            <Group gap="xs">
              {r.version > 1 && (
                <Anchor component={Link} to={changesHref(r.version)} size="sm">
                  Changes in version {r.version}
                </Anchor>
              )}
              {onRestore && r.version !== currentVersion && (
                <Button size="xs" variant="default" leftSection={<IconRestore size={14} aria-hidden />} onClick={() => onRestore(r)}>
                  Restore version {r.version}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

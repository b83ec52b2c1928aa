import type { Whiteboard } from '@guildhall/shared';
import { Button, Center, Drawer, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { formatDateTime } from '@/lib/format';
import { useRestoreWhiteboardRevision, useWhiteboardRevisions } from '../api/whiteboard-revisions';

type Props = {
  board: Whiteboard;
  /** The version the editor is on (it moves on with each save). */
  version: number;
  opened: boolean;
  onClose: () => void;
  canRestore: boolean;
  onRestored: (board: Whiteboard) => void;
};

/** Every save of a whiteboard with its picture; restoring one makes it the newest version. */
export function WhiteboardHistory({ board, version, opened, onClose, canRestore, onRestored }: Props) {
  const revisions = useWhiteboardRevisions(board.id, opened);
  const restore = useRestoreWhiteboardRevision(board.id);
  const [confirming, setConfirming] = useState<number | null>(null);
  const items = revisions.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Drawer opened={opened} onClose={onClose} title="Whiteboard history" position="right" size="md">
      {revisions.isPending ? (
        <ListSkeleton rows={3} height={120} />
      ) : revisions.isError ? (
        <ErrorState
          error={revisions.error}
          title="The history could not be loaded"
          headingOrder={3}
          onRetry={() => void revisions.refetch()}
        />
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="whiteboard-revisions">
          {restore.error && <ProblemAlert error={restore.error} title="The version was not restored" />}
          {items.map((r) => (
            <Paper key={r.version} component="li" withBorder p="sm">
              <Stack gap={6}>
                {r.previewUrl && <Image src={r.previewUrl} alt={`Version ${r.version} of the drawing`} h={120} fit="contain" bg="gray.0" />}
                <Text size="sm" fw={600}>
                  Version {r.version}
                  {r.version === version ? ' (current)' : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.author?.name ?? 'Someone no longer here'} · {formatDateTime(r.createdAt)}
                </Text>
                {r.summary && <Text size="sm">{r.summary}</Text>}
                {canRestore && r.version !== version && confirming !== r.version && (
                  <Group>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconRestore size={14} aria-hidden />}
                      onClick={() => setConfirming(r.version)}
                    >
                      Restore version {r.version}
                    </Button>
                  </Group>
                )}
                {confirming === r.version && (
                  <Stack gap={6}>
                    <Text size="sm">
                      Version {r.version} becomes the newest version; what is on the canvas now is replaced (it stays in the history if it
                      was saved).
                    </Text>
                    <Group gap="xs">
                      <Button
                        size="xs"
                        loading={restore.isPending}
                        onClick={() =>
                          restore.mutate(
                            { revision: r.version, version },
                            {
                              onSuccess: (restored) => {
                                setConfirming(null);
                                onRestored(restored);
                              },
                            },
                          )
                        }
                      >
                        Restore it
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                        Cancel
                      </Button>
                    </Group>
                  </Stack>
                )}
              </Stack>
            </Paper>
          ))}
          {revisions.hasNextPage && (
            <Center>
              <Button variant="default" size="xs" onClick={() => void revisions.fetchNextPage()} loading={revisions.isFetchingNextPage}>
                Older versions
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

import type { CharterRevision } from '@guildhall/shared';
import { Accordion, Button, Center, Modal, Stack, Text } from '@mantine/core';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { formatDateTime } from '@/lib/format';
import { useCharterRevisions } from '../api/get-charter-revisions';

const PARTS: [keyof CharterRevision, string][] = [
  ['purpose', 'Purpose'],
  ['scopeIn', 'In scope'],
  ['scopeOut', 'Out of scope'],
  ['quarter', 'Quarter'],
  ['goals', 'Goals'],
  ['norms', 'Working norms'],
];

type Props = { slug: string; opened: boolean; onClose: () => void };

/** Every saved version of the charter, newest first, as it was written (Markdown source). */
export function CharterHistory({ slug, opened, onClose }: Props) {
  const revisions = useCharterRevisions(slug, opened);
  const items = revisions.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Modal opened={opened} onClose={onClose} title="Charter history" size="lg">
      {revisions.isPending ? (
        <ListSkeleton rows={3} height={40} />
      ) : revisions.isError ? (
        <ErrorState
          error={revisions.error}
          title="The history could not be loaded"
          headingOrder={3}
          onRetry={() => void revisions.refetch()}
        />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          The charter has not been saved yet: it still shows the starting template.
        </Text>
      ) : (
        <Stack gap="sm">
          <Accordion variant="separated" defaultValue={String(items[0]?.version)} data-testid="charter-revisions">
            {items.map((r) => (
              <Accordion.Item key={r.version} value={String(r.version)}>
                <Accordion.Control>
                  Version {r.version} · {r.editedBy?.name ?? 'someone no longer here'} · {formatDateTime(r.createdAt)}
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    {PARTS.map(([key, label]) => (
                      <Text key={key} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        <strong>{label}:</strong> {String(r[key] ?? '') || '—'}
                      </Text>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          {revisions.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void revisions.fetchNextPage()} loading={revisions.isFetchingNextPage}>
                Older versions
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Modal>
  );
}

import { Anchor, Button, Center, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPresentation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { formatRelative } from '@/lib/format';
import { useWhiteboards } from '../api/get-whiteboards';
import { knowledgePaths } from '../lib/paths';

/** The community's whiteboards, each as its saved preview. */
export function WhiteboardList({ slug, canCreate }: { slug: string; canCreate: boolean }) {
  const boards = useWhiteboards(slug);
  const items = boards.data?.pages.flatMap((p) => p.items) ?? [];

  if (boards.isPending) return <ListSkeleton rows={2} height={80} />;
  if (boards.isError) {
    return (
      <ErrorState error={boards.error} title="Whiteboards could not be loaded" headingOrder={3} onRetry={() => void boards.refetch()} />
    );
  }
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="whiteboards-empty">
        No whiteboards yet.{' '}
        {canCreate
          ? 'Sketch an architecture, a process or a decision tree, then embed it in a page.'
          : 'Members sketch diagrams here and embed them in pages.'}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <SimpleGrid
        component="ul"
        cols={{ base: 1, xs: 2 }}
        spacing="xs"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        data-testid="whiteboard-list"
      >
        {items.map((board) => (
          <Paper key={board.id} component="li" withBorder p="xs">
            <Stack gap={4}>
              {board.previewUrl ? (
                <Image src={board.previewUrl} alt="" h={90} fit="contain" bg="gray.0" radius="sm" />
              ) : (
                <Center h={90} bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
                  <IconPresentation size={28} color="var(--mantine-color-gray-6)" aria-hidden />
                </Center>
              )}
              <Anchor
                component={Link}
                to={knowledgePaths.whiteboard(slug, board.id)}
                fw={600}
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {board.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                Updated {formatRelative(board.updatedAt)}
                {board.updatedBy ? ` by ${board.updatedBy.name}` : ''}
              </Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {boards.hasNextPage && (
        <Center>
          <Button variant="default" size="xs" onClick={() => void boards.fetchNextPage()} loading={boards.isFetchingNextPage}>
            More whiteboards
          </Button>
        </Center>
      )}
    </Stack>
  );
}

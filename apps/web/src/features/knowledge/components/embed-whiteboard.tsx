import { Anchor, Button, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPresentation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useWhiteboards } from '../api/get-whiteboards';
import { knowledgePaths } from '../lib/paths';

/** The Markdown the server renders as an embedded whiteboard (its SVG preview in the page). */
export const embedSyntax = (whiteboardId: string) => `![[whiteboard:${whiteboardId}]]`;

/** Picks one of the community's whiteboards and hands back its embed syntax. */
export function EmbedWhiteboardButton({ slug, onEmbed }: { slug: string; onEmbed: (markdown: string) => void }) {
  const [opened, dialog] = useDisclosure(false);
  const boards = useWhiteboards(slug, opened);
  const items = boards.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconPresentation size={14} aria-hidden />} onClick={dialog.open}>
        Embed a whiteboard
      </Button>
      <Modal opened={opened} onClose={dialog.close} title="Embed a whiteboard">
        {boards.isPending ? (
          <ListSkeleton rows={2} height={40} />
        ) : boards.isError ? (
          <ErrorState error={boards.error} title="Whiteboards could not be loaded" headingOrder={3} onRetry={() => void boards.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm">
            This community has no whiteboard yet.{' '}
            <Anchor component={Link} to={knowledgePaths.newWhiteboard(slug)}>
              Start one
            </Anchor>
            , then come back to embed it.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((board) => (
              <li key={board.id}>
                <UnstyledButton
                  w="100%"
                  p="xs"
                  style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
                  onClick={() => {
                    onEmbed(embedSyntax(board.id));
                    dialog.close();
                  }}
                >
                  <Text size="sm" fw={600}>
                    {board.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Version {board.version}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        )}
      </Modal>
    </>
  );
}

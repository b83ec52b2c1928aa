import type { Post } from '@guildhall/shared';
import { Button, Center, Divider, Modal, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { formatDateTime } from '@/lib/format';
import { useRevisions } from '../api/get-revisions';
import { PostBody } from './post-body';

type Props = { post: Post; opened: boolean; onClose: () => void };

/** Every version of a post, the current one first: edits stay visible. */
export function RevisionsModal({ post, opened, onClose }: Props) {
  const revisions = useRevisions(post.id, opened);
  const items = revisions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title="Edit history" size="lg">
      <Stack gap="md" data-testid="revisions">
        <section aria-label="Current version">
          <Title order={3} size="h5">
            Current version{post.editedAt && `, edited ${formatDateTime(post.editedAt)}`}
          </Title>
          <PostBody html={post.bodyHtml} testId="revision-body" />
        </section>
        {revisions.isPending ? (
          <ListSkeleton rows={2} height={80} />
        ) : revisions.isError ? (
          <ErrorState error={revisions.error} title="Earlier versions could not be loaded" headingOrder={3} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No earlier versions.
          </Text>
        ) : (
          items.map((revision) => (
            <Fragment key={revision.version}>
              <Divider />
              <section aria-label={`Version ${revision.version}`}>
                <Title order={3} size="h5">
                  Version {revision.version}, written {formatDateTime(revision.createdAt)}
                </Title>
                <PostBody html={revision.bodyHtml} testId="revision-body" />
              </section>
            </Fragment>
          ))
        )}
        {revisions.hasNextPage && (
          <Center>
            <Button variant="default" onClick={() => void revisions.fetchNextPage()} loading={revisions.isFetchingNextPage}>
              Show older versions
            </Button>
          </Center>
        )}
      </Stack>
    </Modal>
  );
}

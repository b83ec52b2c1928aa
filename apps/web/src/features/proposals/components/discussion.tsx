import { Button, Center, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { RichText } from '@/components/ui/rich-text';
import { PersonLine } from '@/features/people';
import { serverFieldErrors } from '@/lib/form';
import { formatRelative } from '@/lib/format';
import { useAddComment, useComments } from '../api/comments';

type Props = { proposalId: string; open: boolean };

/** A short discussion beside the signals: questions about scope, overlaps, who else to ask. */
export function Discussion({ proposalId, open }: Props) {
  const comments = useComments(proposalId);
  const add = useAddComment(proposalId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const items = comments.data?.pages.flatMap((p) => p.items) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setError('Write something first');
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="discussion-heading" data-testid="discussion">
      <Stack gap="md">
        <Title order={2} size="h4" id="discussion-heading">
          Discussion
        </Title>
        {comments.isPending ? (
          <ListSkeleton rows={2} height={60} />
        ) : comments.isError ? (
          <ErrorState
            error={comments.error}
            title="The discussion could not be loaded"
            headingOrder={3}
            onRetry={() => void comments.refetch()}
          />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {open
              ? 'No comments yet. Ask about the scope, point to a related effort, or name someone who should see this.'
              : 'No comments.'}
          </Text>
        ) : (
          <Stack gap="md" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((c) => (
              <Stack key={c.id} component="li" gap={4} data-testid="comment">
                <Group gap="xs" justify="space-between" wrap="wrap">
                  <PersonLine person={c.author} size="sm" />
                  <Text size="xs" c="dimmed">
                    {formatRelative(c.createdAt)}
                  </Text>
                </Group>
                <RichText html={c.bodyHtml} />
              </Stack>
            ))}
          </Stack>
        )}
        {comments.hasNextPage && (
          <Center>
            <Button variant="default" onClick={() => void comments.fetchNextPage()} loading={comments.isFetchingNextPage}>
              Show later comments
            </Button>
          </Center>
        )}
        {open && (
          <form onSubmit={submit} noValidate aria-label="Add a comment">
            <Stack gap="xs">
              {add.error && <ProblemAlert error={add.error} title="Your comment was not posted" shownFields={['body']} />}
              <Textarea
                label="Your comment"
                description="Markdown works: **bold**, lists, links."
                autosize
                minRows={2}
                maxRows={8}
                maxLength={10_000}
                value={body}
                onChange={(e) => {
                  setBody(e.currentTarget.value);
                  setError(undefined);
                }}
                error={error ?? serverFieldErrors(add.error).body}
              />
              <Group justify="flex-end">
                <Button type="submit" variant="default" loading={add.isPending}>
                  Comment
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

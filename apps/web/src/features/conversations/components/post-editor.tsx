import { type Post, PostBody as PostBodySchema } from '@guildhall/shared';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { serverFieldErrors, validate } from '@/lib/form';
import { patchPost } from '../api/cache';
import { getPost } from '../api/get-posts';
import { useUpdatePost } from '../api/update-post';
import { DARK_TITLE } from './contrast';
import { MarkdownEditor } from './markdown-editor';
import { PostBody } from './post-body';

type Props = { post: Post; onDone: () => void };

/**
 * Editing one's own post in place. The edit is based on the version that was on screen when
 * it started; if someone (another tab of mine) saved meanwhile, the server answers 409 and the
 * newer text is shown beside the draft, so nothing is overwritten unseen.
 */
export function PostEditor({ post, onDone }: Props) {
  const queryClient = useQueryClient();
  const update = useUpdatePost();
  const [body, setBody] = useState(post.body);
  const [baseVersion, setBaseVersion] = useState(post.version);
  const [error, setError] = useState<string | undefined>();
  const [latest, setLatest] = useState<Post | null>(null);
  const conflict = hasCode(update.error, 'post.version_conflict');

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const checked = validate(PostBodySchema, body);
    if (checked.errors) return setError(checked.errors.form);
    update.mutate(
      { postId: post.id, body, version: baseVersion },
      { onSuccess: onDone, onError: (e) => setError(serverFieldErrors(e).body) },
    );
  };

  const loadLatest = async () => {
    const fresh = await getPost(post.id);
    patchPost(queryClient, post.threadId, post.id, () => fresh);
    setLatest(fresh);
    setBaseVersion(fresh.version);
    update.reset();
  };

  return (
    <form onSubmit={save} aria-label="Edit post" noValidate>
      <Stack gap="sm">
        {conflict ? (
          <Alert
            color="orange"
            styles={DARK_TITLE}
            variant="light"
            icon={<IconGitMerge aria-hidden />}
            title="Someone changed this meanwhile"
            data-testid="edit-conflict"
          >
            <Stack gap="xs">
              <Text size="sm">This post was changed since you started editing. Load the latest version, then apply your edit to it.</Text>
              <div>
                <Button size="xs" variant="default" onClick={() => void loadLatest()}>
                  Load the latest version
                </Button>
              </div>
            </Stack>
          </Alert>
        ) : (
          update.error && !error && <ProblemAlert error={update.error} title="The post was not saved" shownFields={['body']} />
        )}
        {latest && (
          <Alert color="gray" variant="light" styles={DARK_TITLE} title="The latest version, for reference">
            <PostBody html={latest.bodyHtml} testId="latest-version" />
          </Alert>
        )}
        <MarkdownEditor
          label="Edit your post"
          value={body}
          onChange={(value) => {
            setBody(value);
            setError(undefined);
          }}
          error={error}
          required
          onSubmitShortcut={save}
          testId="post-editor"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

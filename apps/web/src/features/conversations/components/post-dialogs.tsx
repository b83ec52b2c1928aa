import type { Post } from '@guildhall/shared';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { serverFieldErrors } from '@/lib/form';
import { useDeletePost } from '../api/delete-post';
import { useFlagPost, useModeratePost } from '../api/moderate-post';

type DialogProps = { post: Post; opened: boolean; onClose: () => void };

/** The author's soft delete: the post keeps its place as a tombstone. */
export function DeletePostDialog({ post, opened, onClose }: DialogProps) {
  const remove = useDeletePost();
  return (
    <Modal opened={opened} onClose={onClose} title="Delete this post?">
      <Stack gap="md">
        <Text size="sm">It stays in the thread as “deleted by its author”, so the replies around it still make sense.</Text>
        {remove.error && <ProblemAlert error={remove.error} title="The post was not deleted" />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(post, { onSuccess: onClose })}>
            Delete post
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Anyone who can read a post may flag it for the facilitators, once, with a reason. */
export function FlagPostDialog({ post, opened, onClose }: DialogProps) {
  const flag = useFlagPost();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError('Say briefly what is wrong, so facilitators can act on it');
    flag.mutate(
      { postId: post.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'indigo', title: 'Thank you', message: 'The facilitators will review this post.' });
          setReason('');
          onClose();
        },
        onError: (e) => setError(serverFieldErrors(e).reason),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Flag this post for the facilitators">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">Facilitators see flagged posts in their moderation queue. They do not see who flagged it.</Text>
          {flag.error && !error && (
            <ProblemAlert
              error={flag.error}
              title={hasCode(flag.error, 'flag.duplicate') ? 'Already flagged' : 'The flag was not sent'}
              shownFields={['reason']}
            />
          )}
          <TextInput
            label="Reason"
            placeholder="e.g. personal attack, spam, shares a secret"
            required
            maxLength={500}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={flag.isPending}>
              Flag post
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Facilitators hide an abusive post (its author and moderators still see it); the reason goes to the audit log. */
export function HidePostDialog({ post, opened, onClose, slug }: DialogProps & { slug?: string }) {
  const moderate = useModeratePost(slug);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    moderate.mutate({ postId: post.id, action: { type: 'hide', reason: reason.trim() || undefined } }, { onSuccess: onClose });
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Hide this post?">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            Members will see “hidden by a facilitator” in its place. Its author and the facilitators can still read it, and you can restore
            it later.
          </Text>
          {moderate.error && <ProblemAlert error={moderate.error} title="The post was not hidden" shownFields={['reason']} />}
          <TextInput
            label="Reason (optional, kept in the audit log)"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={serverFieldErrors(moderate.error).reason}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={moderate.isPending}>
              Hide post
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

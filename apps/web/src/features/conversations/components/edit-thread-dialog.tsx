import { type Thread, UpdateThreadInput } from '@guildhall/shared';
import { Button, Group, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useUpdateThread } from '../api/update-thread';

type Props = { thread: Thread; opened: boolean; onClose: () => void };

/** Renaming a thread or retagging it; the opening post is edited like any post. */
export function EditThreadDialog({ thread, opened, onClose }: Props) {
  const update = useUpdateThread(thread.id);
  const form = useFormState({ title: thread.title, tags: thread.tags });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(UpdateThreadInput, form.values);
    if (checked.errors) return form.setErrors(checked.errors);
    update.mutate(checked.data, { onSuccess: onClose, onError: (error) => form.setErrors(serverFieldErrors(error)) });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Edit title and tags">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {update.error && <ProblemAlert error={update.error} title="The thread was not changed" shownFields={['title', 'tags']} />}
          <TextInput
            label="Title"
            required
            maxLength={200}
            value={form.values.title}
            onChange={(e) => form.set('title', e.currentTarget.value)}
            error={form.errors.title}
            data-autofocus
          />
          <TagsInput
            label="Tags"
            description="Up to 5; lowercase words joined by hyphens."
            maxTags={5}
            value={form.values.tags}
            onChange={(tags) =>
              form.set(
                'tags',
                tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')),
              )
            }
            error={form.errors.tags}
            splitChars={[',', ' ']}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { CreateNewcomerItemInput, type CreateNewcomerItemRequest, NEWCOMER_ITEM_KINDS, type NewcomerItemKind } from '@guildhall/shared';
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useEditStartHere } from '../api/edit-start-here';
import { KIND_LABELS } from './step-link';

const KIND_OPTIONS = NEWCOMER_ITEM_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
const FIELDS = ['kind', 'title', 'url', 'threadId', 'body'] as const;
const INITIAL = { kind: 'page' as NewcomerItemKind, title: '', url: '', threadId: '', body: '' };

/** Accepts a pasted thread link (…/threads/<id>) or a bare id. */
export function threadIdFrom(input: string): string {
  const text = input.trim();
  const match = /\/threads\/([^/?#\s]+)/.exec(text);
  return match?.[1] ? decodeURIComponent(match[1]) : text;
}

function toRequest(values: typeof INITIAL): CreateNewcomerItemRequest {
  const body = values.body.trim();
  if (values.kind === 'text') return { kind: 'text', title: values.title, body };
  if (values.kind === 'thread') return { kind: 'thread', title: values.title, threadId: threadIdFrom(values.threadId), body };
  return { kind: values.kind, title: values.title, url: values.url.trim(), body };
}

/** A facilitator adds a step at the end of the path. */
export function AddStepForm({ slug }: { slug: string }) {
  const { add } = useEditStartHere(slug);
  const form = useFormState(INITIAL);
  const kind = form.values.kind;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(CreateNewcomerItemInput, toRequest(form.values));
    if (errors) return form.setErrors(errors);
    add.mutate(data, {
      onSuccess: () => {
        form.reset({ ...INITIAL, kind });
        notifications.show({ color: 'indigo', message: 'Step added to the path.' });
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a step">
      <Stack gap="sm">
        {add.error && <ProblemAlert error={add.error} title="The step was not added" shownFields={FIELDS} />}
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <Select
            label="Kind of step"
            data={KIND_OPTIONS}
            value={kind}
            onChange={(value) => value && form.set('kind', value as NewcomerItemKind)}
            allowDeselect={false}
            miw={180}
          />
          <TextInput
            label="Title"
            placeholder={kind === 'thread' ? 'e.g. Which exporter should a new service use?' : 'e.g. Our tracing conventions'}
            required
            maxLength={120}
            value={form.values.title}
            onChange={(e) => form.set('title', e.currentTarget.value)}
            error={form.errors.title}
            miw={220}
          />
        </Group>
        {(kind === 'page' || kind === 'session') && (
          <TextInput
            label="Link"
            description="A Guildhall address (/…) or an https address."
            placeholder={kind === 'session' ? '/events/…' : '/pages/… or https://…'}
            required
            maxLength={500}
            value={form.values.url}
            onChange={(e) => form.set('url', e.currentTarget.value)}
            error={form.errors.url}
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
        {kind === 'thread' && (
          <TextInput
            label="Question link"
            description="An easy question of this community a newcomer could answer: paste its link."
            placeholder="/threads/…"
            required
            maxLength={500}
            value={form.values.threadId}
            onChange={(e) => form.set('threadId', e.currentTarget.value)}
            error={form.errors.threadId}
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
        <Textarea
          label={kind === 'text' ? 'Advice' : 'Why it helps (optional)'}
          required={kind === 'text'}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={kind === 'text' ? 4000 : 2000}
          value={form.values.body}
          onChange={(e) => form.set('body', e.currentTarget.value)}
          error={form.errors.body}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={add.isPending}>
            Add step
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

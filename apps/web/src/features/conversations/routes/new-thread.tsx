import { CreateThreadInput, THREAD_KIND_LABELS, THREAD_KINDS, type ThreadKind } from '@guildhall/shared';
import { Button, Group, Paper, Radio, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useCommunityOutlet } from '@/features/communities';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useCreateThread } from '../api/create-thread';
import { AnonymousSwitch } from '../components/anonymous-switch';
import { JoinHint } from '../components/join-hint';
import { KIND_HINTS, SUBMIT_LABELS } from '../components/labels';
import { MarkdownEditor } from '../components/markdown-editor';
import { isMember } from '../components/threads-toolbar';

const FIELDS = ['kind', 'title', 'tags', 'body', 'anonymous'] as const;
const isKind = (value: string | null): value is ThreadKind => THREAD_KINDS.includes(value as ThreadKind);

const BODY_LABELS: Record<ThreadKind, string> = {
  discussion: 'What would you like to talk about?',
  question: 'Your question, with what you tried',
  challenge: 'The problem, and what makes it hard',
};

type Values = { kind: ThreadKind; title: string; tags: string[]; body: string; anonymous: boolean };

/** /communities/:slug/threads/new — a page rather than a dialog, so it works well on a phone. */
export function NewThreadRoute() {
  const { community } = useCommunityOutlet();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kindParam = params.get('kind');
  const create = useCreateThread(community.slug);
  const form = useFormState<Values>({ kind: isKind(kindParam) ? kindParam : 'question', title: '', tags: [], body: '', anonymous: false });
  const { values, errors } = form;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // Only questions may be anonymous: switching kind away from question drops the choice.
    const input = { ...values, anonymous: values.kind === 'question' && values.anonymous };
    const checked = validate(CreateThreadInput, input);
    if (checked.errors) return form.setErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (thread) => {
        notifications.show({ color: 'indigo', title: `${THREAD_KIND_LABELS[thread.kind]} posted`, message: thread.title });
        navigate(`/threads/${thread.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <>
      <PageTitle title={`New thread · ${community.name}`} />
      <Stack gap="md" maw={760}>
        <Title order={2}>New thread</Title>
        {!isMember(community) ? (
          <JoinHint community={community} />
        ) : (
          <Paper withBorder p={{ base: 'sm', sm: 'xl' }}>
            <form onSubmit={submit} noValidate aria-label="New thread">
              <Stack gap="lg">
                {create.error && <ProblemAlert error={create.error} title="The thread was not posted" shownFields={FIELDS} />}
                <Radio.Group
                  label="What kind of thread?"
                  required
                  value={values.kind}
                  onChange={(v) => form.set('kind', v as ThreadKind)}
                  error={errors.kind}
                >
                  <Stack gap="sm" mt="xs">
                    {THREAD_KINDS.map((kind) => (
                      <Radio key={kind} value={kind} label={THREAD_KIND_LABELS[kind]} description={KIND_HINTS[kind]} />
                    ))}
                  </Stack>
                </Radio.Group>
                <TextInput
                  label="Title"
                  description={
                    values.kind === 'question'
                      ? 'The question in one line, e.g. “How do you trace a request across services?”'
                      : 'One line that says what it is about.'
                  }
                  required
                  maxLength={200}
                  value={values.title}
                  onChange={(e) => form.set('title', e.currentTarget.value)}
                  error={errors.title}
                />
                <TagsInput
                  label="Tags"
                  description="Up to 5; lowercase words joined by hyphens, e.g. tracing, on-call. Press Enter after each."
                  maxTags={5}
                  value={values.tags}
                  onChange={(tags) =>
                    form.set(
                      'tags',
                      tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')),
                    )
                  }
                  error={errors.tags}
                  splitChars={[',', ' ']}
                  clearable
                />
                <MarkdownEditor
                  label={BODY_LABELS[values.kind]}
                  value={values.body}
                  onChange={(v) => form.set('body', v)}
                  error={errors.body}
                  required
                  minRows={6}
                  onSubmitShortcut={submit}
                />
                {values.kind === 'question' && (
                  <AnonymousSwitch
                    label="Ask anonymously"
                    checked={values.anonymous}
                    onChange={(v) => form.set('anonymous', v)}
                    error={errors.anonymous}
                  />
                )}
                <Group justify="flex-end" gap="sm">
                  <Button component={Link} to={`/communities/${community.slug}/threads`} variant="default">
                    Cancel
                  </Button>
                  <Button type="submit" loading={create.isPending}>
                    {SUBMIT_LABELS[values.kind]}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        )}
      </Stack>
    </>
  );
}

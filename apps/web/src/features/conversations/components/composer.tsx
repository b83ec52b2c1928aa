import { CreatePostInput, type Post, type Thread } from '@guildhall/shared';
import { Button, CloseButton, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type RefObject, useEffect, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useCreatePost } from '../api/create-post';
import { AnonymousSwitch } from './anonymous-switch';
import { MarkdownEditor } from './markdown-editor';
import { authorLabel } from './post-author';

type Props = {
  thread: Thread;
  quoting: Post | null;
  onClearQuote: () => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
};

const FIELDS = ['body', 'anonymous', 'quotedPostId'] as const;

/** The reply box at the bottom of a thread: Markdown with preview, mentions, quoting, and the anonymous choice. */
export function Composer({ thread, quoting, onClearQuote, textareaRef }: Props) {
  const create = useCreatePost(thread.id);
  const form = useFormState({ body: '', anonymous: false });
  const [announcement, setAnnouncement] = useState('');
  const isQuestion = thread.kind === 'question';

  // Quoting a post brings the person to the box, ready to type.
  useEffect(() => {
    if (!quoting) return;
    textareaRef.current?.focus();
    textareaRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [quoting, textareaRef]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const input = { body: form.values.body, anonymous: form.values.anonymous, quotedPostId: quoting?.id };
    const { data, errors } = validate(CreatePostInput, input);
    if (errors) return form.setErrors(errors);
    create.mutate(data, {
      onSuccess: (post) => {
        form.reset({ body: '', anonymous: false });
        onClearQuote();
        setAnnouncement(`Your ${isQuestion ? 'answer' : 'reply'} was posted.`);
        // Bring the new post into view. It is appended only once the last page is loaded; in a
        // long thread read from the top it waits at the end, so say where it went.
        requestAnimationFrame(() => {
          const shown = document.getElementById(`post-${post.id}`);
          if (shown) shown.scrollIntoView({ block: 'nearest' });
          else
            notifications.show({
              color: 'indigo',
              title: 'Posted',
              message: 'It is at the end of the thread: load more to see it in place.',
            });
        });
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="composer-heading" data-testid="composer">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="composer-heading">
            {isQuestion ? 'Your answer' : 'Your reply'}
          </Title>
          {create.error && <ProblemAlert error={create.error} title="Your post was not sent" shownFields={FIELDS} />}
          {quoting && (
            <Paper bg="gray.0" p="xs" radius="sm" data-testid="composer-quote">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed">
                    Quoting {authorLabel(quoting.author)}
                  </Text>
                  <Text size="sm" lineClamp={2}>
                    {quoting.body}
                  </Text>
                </Stack>
                <CloseButton aria-label="Stop quoting" onClick={onClearQuote} />
              </Group>
            </Paper>
          )}
          <MarkdownEditor
            label={isQuestion ? 'Answer' : 'Reply'}
            value={form.values.body}
            onChange={(v) => form.set('body', v)}
            error={form.errors.body}
            onSubmitShortcut={submit}
            textareaRef={textareaRef}
            required
            testId="composer-editor"
          />
          <AnonymousSwitch
            label={isQuestion ? 'Answer anonymously' : 'Reply anonymously'}
            checked={form.values.anonymous}
            onChange={(v) => form.set('anonymous', v)}
            error={form.errors.anonymous}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {isQuestion ? 'Post answer' : 'Post reply'}
            </Button>
          </Group>
          <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
        </Stack>
      </form>
    </Paper>
  );
}

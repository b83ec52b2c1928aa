import { Input, Loader, Stack, Tabs, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useId, useMergedRef } from '@mantine/hooks';
import { type ReactNode, type Ref, useRef, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { plural } from '@/lib/format';
import { usePreviewMarkdown } from '../api/preview-markdown';
import { MentionList, mentionOptionId } from './mention-list';
import { PostBody } from './post-body';
import { useMentionAutocomplete } from './use-mention-autocomplete';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: ReactNode;
  placeholder?: string;
  minRows?: number;
  required?: boolean;
  /** Ctrl+Enter / Cmd+Enter sends, as in most chat and forum editors. */
  onSubmitShortcut?: () => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  testId?: string;
};

type Tab = 'write' | 'preview';

/**
 * Markdown with Write / Preview tabs. The preview is rendered by the server with the same
 * renderer and sanitiser as stored posts, so what one previews is what readers get.
 * Typing "@" and a name suggests people to mention.
 */
export function MarkdownEditor({
  label,
  value,
  onChange,
  error,
  description = 'Markdown works: **bold**, `code`, ``` for code blocks, > to quote. Type @ and a name to mention someone.',
  placeholder,
  minRows = 4,
  required,
  onSubmitShortcut,
  textareaRef,
  testId = 'markdown-editor',
}: Props) {
  const id = useId();
  const listId = `${id}-mentions`;
  const [tab, setTab] = useState<Tab>('write');
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = useMergedRef(own, textareaRef);
  const preview = usePreviewMarkdown();
  const [previewed, setPreviewed] = useState<string | null>(null);
  const mentions = useMentionAutocomplete({ value, onChange, textarea: own });

  const showTab = (next: string | null) => {
    if (next !== 'write' && next !== 'preview') return;
    setTab(next);
    if (next === 'preview' && value.trim() && value !== previewed) {
      setPreviewed(value);
      preview.mutate(value);
    }
  };

  return (
    <Stack gap={6} data-testid={testId}>
      <Input.Label htmlFor={id} required={required}>
        {label}
      </Input.Label>
      <Tabs value={tab} onChange={showTab} variant="outline" keepMounted>
        <Tabs.List aria-label={`${label}: write or preview`}>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea
            id={id}
            ref={ref}
            value={value}
            onChange={(e) => {
              onChange(e.currentTarget.value);
              mentions.sync(e.currentTarget);
            }}
            onSelect={(e) => mentions.sync(e.currentTarget)}
            onKeyDown={(e) => {
              mentions.onKeyDown(e);
              if (!e.defaultPrevented && e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmitShortcut) {
                e.preventDefault();
                onSubmitShortcut();
              }
            }}
            onBlur={mentions.close}
            description={description}
            placeholder={placeholder}
            error={error}
            required={required}
            autosize
            minRows={minRows}
            maxRows={20}
            aria-autocomplete="list"
            aria-controls={mentions.expanded ? listId : undefined}
            aria-activedescendant={mentions.expanded ? mentionOptionId(listId, mentions.active) : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
          />
          {mentions.expanded && (
            <MentionList
              id={listId}
              options={mentions.options}
              active={mentions.active}
              onHover={mentions.setActive}
              onPick={mentions.insert}
            />
          )}
          <VisuallyHidden aria-live="polite" aria-atomic="true">
            {mentions.expanded
              ? `${plural(mentions.options.length, 'person', 'people')} to mention. Up and down arrows to choose, Enter to insert, Escape to close.`
              : mentions.noMatch
                ? 'Nobody by that name.'
                : ''}
          </VisuallyHidden>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          <div data-testid="markdown-preview" aria-live="polite" aria-busy={preview.isPending}>
            {!value.trim() ? (
              <Text size="sm" c="dimmed">
                Nothing to preview yet. Write something first.
              </Text>
            ) : preview.isPending ? (
              <Loader size="sm" aria-label="Rendering preview" />
            ) : preview.isError ? (
              <ProblemAlert error={preview.error} title="The preview could not be shown" />
            ) : preview.data ? (
              <PostBody html={preview.data.html} testId="preview-body" />
            ) : null}
          </div>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

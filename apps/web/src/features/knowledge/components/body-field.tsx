import { Group, Loader, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef } from 'react';
import { isApiError } from '@/lib/api-client';
import { usePagePreview } from '../api/preview-page';
import { EmbedWhiteboardButton } from './embed-whiteboard';
import { PageBody } from './page-body';

type Props = { slug: string; value: string; onChange: (value: string) => void; error?: string; label?: string };

/**
 * The page's Markdown beside a live preview (side by side on wide screens, preview below on
 * phones). The preview is the server's rendering, debounced, so it shows exactly what readers get.
 */
export function BodyField({ slug, value, onChange, error, label = 'Text' }: Props) {
  const [debounced] = useDebouncedValue(value, 400);
  const preview = usePagePreview(slug, debounced);
  const area = useRef<HTMLTextAreaElement>(null);

  /** Puts Markdown on its own line where the cursor is, then puts the cursor after it. */
  const insert = (markdown: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    const before = value.slice(0, start);
    const lead = before && !before.endsWith('\n') ? '\n\n' : '';
    const next = `${before}${lead}${markdown}\n${value.slice(end)}`;
    onChange(next);
    const caret = before.length + lead.length + markdown.length + 1;
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack gap={6}>
        <Textarea
          ref={area}
          label={label}
          description="Markdown. Link another page with [[Page title]]; draw a diagram in a ```mermaid block."
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          autosize
          minRows={14}
          maxRows={36}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
          data-testid="body-input"
        />
        <Group gap="xs">
          <EmbedWhiteboardButton slug={slug} onEmbed={insert} />
        </Group>
      </Stack>
      <Paper component="section" aria-label="Preview" withBorder p="sm" bg="gray.0" style={{ minWidth: 0 }}>
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            Preview
          </Text>
          {preview.isFetching && <Loader size="xs" role="status" aria-label="Updating the preview" />}
        </Group>
        {!value.trim() ? (
          <Text size="sm" c="dimmed">
            Nothing to preview yet.
          </Text>
        ) : preview.isError ? (
          <Text size="sm" c="red.9" data-testid="preview-error">
            The preview could not be shown: {isApiError(preview.error) ? preview.error.detail : 'try again in a moment.'}
          </Text>
        ) : preview.data ? (
          <PageBody html={preview.data.bodyHtml} testId="page-preview" />
        ) : (
          <Loader size="sm" role="status" aria-label="Rendering the preview" />
        )}
      </Paper>
    </SimpleGrid>
  );
}

import { Box, Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { RichText } from '@/components/ui/rich-text';
import { isApiError } from '@/lib/api-client';
import { usePreviewMarkdown } from '../api/preview-markdown';

type Props = {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  minRows?: number;
};

/** A Markdown textarea with a Preview tab rendered by the server's own renderer and sanitiser. */
export function MarkdownField({ label, description, value, onChange, error, minRows = 4 }: Props) {
  const [tab, setTab] = useState<string | null>('write');
  const preview = usePreviewMarkdown();
  const show = (next: string | null) => {
    setTab(next);
    if (next === 'preview') preview.mutate(value);
  };
  return (
    <Box>
      <Tabs value={tab} onChange={show} keepMounted={false}>
        <Tabs.List aria-label={`${label}: write or preview`}>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea
            label={label}
            description={description ?? 'Markdown: **bold**, _italic_, lists, links and `code`.'}
            autosize
            minRows={minRows}
            maxRows={16}
            value={value}
            onChange={(e) => onChange(e.currentTarget.value)}
            error={error}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          {preview.isPending ? (
            <Text size="sm" c="dimmed" role="status">
              Rendering…
            </Text>
          ) : preview.isError ? (
            <Text size="sm" c="red.9">
              {isApiError(preview.error) ? preview.error.detail : 'The preview could not be rendered.'}
            </Text>
          ) : preview.data?.html ? (
            <RichText html={preview.data.html} />
          ) : (
            <Text size="sm" c="dimmed">
              Nothing to preview yet.
            </Text>
          )}
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

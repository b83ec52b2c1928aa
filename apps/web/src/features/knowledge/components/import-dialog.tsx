import { IMPORT_LIMITS, type ImportResult } from '@guildhall/shared';
import { Alert, Anchor, Button, FileInput, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '@/lib/api-client';
import { plural } from '@/lib/format';
import { usePageTree } from '../api/get-page-tree';
import { type ImportUpload, useImportKnowledge } from '../api/import-knowledge';
import { readableAlert } from '../lib/alert-styles';
import { checkImportFiles, isZip, MIB } from '../lib/import-files';
import { knowledgePaths } from '../lib/paths';
import { pathTitles } from '../lib/tree';

async function toUpload(files: File[]): Promise<ImportUpload> {
  const [first] = files;
  if (first && isZip(first)) return { type: 'zip', file: first };
  return { type: 'files', input: { files: await Promise.all(files.map(async (f) => ({ path: f.name, content: await f.text() }))) } };
}

type Props = { slug: string; opened: boolean; onClose: () => void };

/**
 * Facilitators bring existing docs in: a zip (folders become the page tree, relative links
 * become [[links]]) or loose Markdown files. All or nothing: a problem imports no page at all.
 */
export function ImportDialog({ slug, opened, onClose }: Props) {
  const [files, setFiles] = useState<File[]>([]);
  const [parentId, setParentId] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const run = useImportKnowledge(slug);
  const tree = usePageTree(slug);
  const titles = pathTitles(tree.data?.items ?? []);
  const parents = (tree.data?.items ?? []).map((p) => ({ value: p.id, label: titles.get(p.id) ?? p.title }));

  const close = () => {
    setFiles([]);
    setFieldError(null);
    setResult(null);
    run.reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkImportFiles(files);
    if (problem) return setFieldError(problem);
    const upload = await toUpload(files);
    run.mutate(
      { ...upload, parentId: parentId ?? undefined },
      {
        onSuccess: (done) => setResult(done),
        // The server names what was wrong in plain words (an unsafe path, too large, not UTF-8…).
        onError: (error) => setFieldError(isApiError(error) ? error.detail : 'The import failed. Try again in a moment.'),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Import pages" size="lg">
      {result ? (
        <Stack gap="sm" data-testid="import-result">
          <Alert styles={readableAlert} color="teal" variant="light" title={`${plural(result.created.length, 'page')} imported`}>
            Folders became sub-pages and links between files now point at the imported pages.
          </Alert>
          <List size="sm" spacing={4}>
            {result.created.map((page) => (
              <List.Item key={page.id}>
                <Anchor component={Link} to={knowledgePaths.page(slug, page.id)} onClick={close}>
                  {page.title}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  from {page.path}
                </Text>
              </List.Item>
            ))}
          </List>
          {result.skipped.length > 0 && (
            <Text size="sm" c="dimmed">
              Left out (not Markdown): {result.skipped.join(', ')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Import pages">
          <Stack gap="md">
            <Text size="sm">
              A zip of a docs folder or a wiki export, or Markdown files. Front matter (title, kind, tags) is kept; folders become
              sub-pages. Nothing is imported if any file has a problem.
            </Text>
            <FileInput
              label="Zip archive or Markdown files"
              description={`One .zip up to ${IMPORT_LIMITS.zipBytes / MIB} MiB, or .md files up to ${IMPORT_LIMITS.fileBytes / MIB} MiB each.`}
              placeholder="Choose files"
              multiple
              accept=".zip,.md,.markdown,application/zip,text/markdown"
              leftSection={<IconFileZip size={16} aria-hidden />}
              value={files}
              onChange={(picked) => {
                setFiles(picked);
                setFieldError(null);
                run.reset();
              }}
              error={fieldError}
              clearable
              data-testid="import-files"
            />
            <Select
              label="Put them under"
              description="Leave empty to import at the top level."
              placeholder="Top level"
              data={parents}
              value={parentId}
              onChange={setParentId}
              searchable
              clearable
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={run.isPending}>
                Import
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { usePageTree } from '../api/get-page-tree';
import { pathTitles, subtreeIds } from '../lib/tree';

type Props = { slug: string; pageId?: string; value: string | null; onChange: (value: string | null) => void; error?: string };

/** Where the page sits in the tree; a page cannot go under itself or its own sub-pages. */
export function ParentSelect({ slug, pageId, value, onChange, error }: Props) {
  const tree = usePageTree(slug);
  const data = useMemo(() => {
    const items = tree.data?.items ?? [];
    const excluded = pageId ? subtreeIds(items, pageId) : new Set<string>();
    const titles = pathTitles(items);
    return items
      .filter((p) => !excluded.has(p.id))
      .map((p) => ({ value: p.id, label: titles.get(p.id) ?? p.title }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [tree.data, pageId]);

  return (
    <Select
      label="Parent page"
      description="Nest it under another page, or leave empty for the top level."
      placeholder={tree.isPending ? 'Loading pages…' : 'None (top level)'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="No page with that title"
      error={error ?? (tree.isError ? 'The list of pages could not be loaded.' : undefined)}
    />
  );
}

import type { PageKind } from '@guildhall/shared';

export type PageListFilters = { kind?: PageKind; stale?: boolean; owner?: 'me'; sort?: 'updated' | 'title' | 'review'; limit?: number };

/**
 * Query keys of the knowledge room. Everything about one community's pages sits under
 * ['knowledge', slug], so a save can refresh the tab's lists with one invalidation.
 */
export const knowledgeKeys = {
  all: ['knowledge'] as const,
  community: (slug: string) => ['knowledge', slug] as const,
  tree: (slug: string) => ['knowledge', slug, 'tree'] as const,
  list: (slug: string, filters: PageListFilters) => ['knowledge', slug, 'list', filters] as const,
  whiteboards: (slug: string) => ['knowledge', slug, 'whiteboards'] as const,
  preview: (slug: string, source: string) => ['knowledge', slug, 'preview', source] as const,
  templates: ['knowledge', 'templates'] as const,
  page: (pageId: string) => ['knowledge', 'page', pageId] as const,
  backlinks: (pageId: string) => ['knowledge', 'page', pageId, 'backlinks'] as const,
  revisions: (pageId: string) => ['knowledge', 'page', pageId, 'revisions'] as const,
  revision: (pageId: string, version: number) => ['knowledge', 'page', pageId, 'revision', version] as const,
  diff: (pageId: string, from: number, to: number) => ['knowledge', 'page', pageId, 'diff', from, to] as const,
  captures: (sourceType: string, sourceId: string) => ['knowledge', 'captures', sourceType, sourceId] as const,
  whiteboard: (id: string) => ['knowledge', 'whiteboard', id] as const,
  whiteboardRevisions: (id: string) => ['knowledge', 'whiteboard', id, 'revisions'] as const,
};

export const encode = encodeURIComponent;

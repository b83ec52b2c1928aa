import type { Page, PageSummary } from '@guildhall/shared';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys, type PageListFilters } from './keys';

export const getPages = (slug: string, filters: PageListFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<PageSummary>>(
    `/communities/${encode(slug)}/pages`,
    {
      kind: filters.kind,
      stale: filters.stale ? 'true' : undefined,
      owner: filters.owner,
      sort: filters.sort,
      limit: filters.limit ?? 25,
      cursor,
    },
    signal,
  );

/** One list of the Knowledge tab (by kind, recently updated, needs review), paged by cursor. */
export function usePages(slug: string, filters: PageListFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: knowledgeKeys.list(slug, filters),
    queryFn: ({ pageParam, signal }) => getPages(slug, filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

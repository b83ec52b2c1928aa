import type { SearchKind, SearchResults } from '@guildhall/shared';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type SearchFilters = {
  q: string;
  kind?: SearchKind;
  community?: string;
  tag?: string;
  from?: string;
  to?: string;
};

export const searchKeys = {
  all: ['search'] as const,
  results: (filters: SearchFilters) => ['search', 'results', filters] as const,
  suggestions: (q: string) => ['search', 'suggestions', q] as const,
};

export const getSearchResults = (filters: SearchFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<SearchResults>('/search', { ...filters, cursor, limit: 20 }, signal);

export function useSearchResults(filters: SearchFilters) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(filters),
    queryFn: ({ pageParam, signal }) => getSearchResults(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: filters.q.trim().length > 0,
    placeholderData: keepPreviousData,
    // Results change with every post; a person who searches again expects what is there now.
    staleTime: 10_000,
  });
}

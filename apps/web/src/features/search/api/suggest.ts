import type { Suggestions } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { searchKeys } from './search';

export const getSuggestions = (q: string, signal?: AbortSignal) => api.get<Suggestions>('/search/suggest', { q, limit: 8 }, signal);

/** Titles starting with what was typed; the caller debounces `q`. */
export function useSuggestions(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: searchKeys.suggestions(trimmed),
    queryFn: ({ signal }) => getSuggestions(trimmed, signal),
    enabled: trimmed.length >= 2,
    staleTime: 30_000,
  });
}

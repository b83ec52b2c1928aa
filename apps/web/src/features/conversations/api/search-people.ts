import type { Page, PersonSummary } from '@guildhall/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationKeys } from './keys';

export const MENTION_SUGGESTIONS = 6;

export const searchPeople = (q: string, signal?: AbortSignal) =>
  api.get<Page<PersonSummary>>('/people', { q, limit: MENTION_SUGGESTIONS }, signal);

/** People to @mention, by name; asks only once something was typed after the @. */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: conversationKeys.people(q),
    queryFn: ({ signal }) => searchPeople(q, signal),
    enabled: q.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

import type { Page, PeopleParams, PersonSummary } from '@guildhall/shared';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getPeople = (params: PeopleParams, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<PersonSummary>>('/people', { q: params.q, teamId: params.teamId, cursor, limit: 30 }, signal);

export function usePeople(params: Pick<PeopleParams, 'q' | 'teamId'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['people', 'directory', params],
    queryFn: ({ pageParam, signal }) => getPeople(params, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

import type { CharterRevision, Page } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { stewardshipKeys } from './stewardship-keys';

export const getCharterRevisions = (slug: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<CharterRevision>>(`/communities/${encodeURIComponent(slug)}/charter/revisions`, { cursor, limit: 25 }, signal);

/** Newest first; only loaded when someone opens the history. */
export function useCharterRevisions(slug: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: stewardshipKeys.charterRevisions(slug),
    queryFn: ({ pageParam, signal }) => getCharterRevisions(slug, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

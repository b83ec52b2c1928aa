import type { Page, PageRevisionSummary } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

export const getRevisions = (pageId: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<PageRevisionSummary>>(`/pages/${encode(pageId)}/revisions`, { cursor, limit: 50 }, signal);

/** Every save, newest first. */
export const useRevisions = (pageId: string) =>
  useInfiniteQuery({
    queryKey: knowledgeKeys.revisions(pageId),
    queryFn: ({ pageParam, signal }) => getRevisions(pageId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

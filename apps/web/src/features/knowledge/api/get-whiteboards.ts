import type { Page, WhiteboardSummary } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

export const getWhiteboards = (slug: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<WhiteboardSummary>>(`/communities/${encode(slug)}/whiteboards`, { cursor, limit: 25 }, signal);

export const useWhiteboards = (slug: string, enabled = true) =>
  useInfiniteQuery({
    queryKey: knowledgeKeys.whiteboards(slug),
    queryFn: ({ pageParam, signal }) => getWhiteboards(slug, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

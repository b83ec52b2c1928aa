import type { PageDiff } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

export const getDiff = (pageId: string, from: number, to: number, signal?: AbortSignal) =>
  api.get<PageDiff>(`/pages/${encode(pageId)}/diff`, { from, to }, signal);

/** Revisions never change, so a diff between two of them never goes stale. */
export const useDiff = (pageId: string, range: { from: number; to: number } | null) =>
  useQuery({
    queryKey: knowledgeKeys.diff(pageId, range?.from ?? 0, range?.to ?? 0),
    queryFn: ({ signal }) => getDiff(pageId, range?.from ?? 0, range?.to ?? 0, signal),
    enabled: range !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });

import type { Backlinks } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

export const getBacklinks = (pageId: string, signal?: AbortSignal) =>
  api.get<Backlinks>(`/pages/${encode(pageId)}/backlinks`, undefined, signal);

export const useBacklinks = (pageId: string) =>
  useQuery({ queryKey: knowledgeKeys.backlinks(pageId), queryFn: ({ signal }) => getBacklinks(pageId, signal) });

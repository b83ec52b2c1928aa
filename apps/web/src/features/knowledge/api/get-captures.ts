import type { Captures, OriginType } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { knowledgeKeys } from './keys';

export const getCaptures = (sourceType: OriginType, sourceId: string, signal?: AbortSignal) =>
  api.get<Captures>('/knowledge/captures', { sourceType, sourceId }, signal);

export const useCaptures = (sourceType: OriginType, sourceId: string) =>
  useQuery({
    queryKey: knowledgeKeys.captures(sourceType, sourceId),
    queryFn: ({ signal }) => getCaptures(sourceType, sourceId, signal),
  });

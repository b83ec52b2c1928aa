import type { KnowledgeTemplates } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { knowledgeKeys } from './keys';

export const getTemplates = (signal?: AbortSignal) => api.get<KnowledgeTemplates>('/knowledge/templates', undefined, signal);

/** The same for everyone and every community; fetched once per session. */
export const useTemplates = () =>
  useQuery({ queryKey: knowledgeKeys.templates, queryFn: ({ signal }) => getTemplates(signal), staleTime: Number.POSITIVE_INFINITY });

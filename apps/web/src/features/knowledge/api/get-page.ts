import type { KnowledgePage } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

export const getPage = (pageId: string, signal?: AbortSignal) => api.get<KnowledgePage>(`/pages/${encode(pageId)}`, undefined, signal);

export const usePage = (pageId: string) =>
  useQuery({ queryKey: knowledgeKeys.page(pageId), queryFn: ({ signal }) => getPage(pageId, signal) });

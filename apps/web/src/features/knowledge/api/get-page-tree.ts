import type { PageTree } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

export const getPageTree = (slug: string, signal?: AbortSignal) =>
  api.get<PageTree>(`/communities/${encode(slug)}/pages/tree`, undefined, signal);

export const usePageTree = (slug: string) =>
  useQuery({ queryKey: knowledgeKeys.tree(slug), queryFn: ({ signal }) => getPageTree(slug, signal) });

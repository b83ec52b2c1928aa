import type { CreatePageRequest, KnowledgePage } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { pageSaved } from './cache';
import { encode } from './keys';

export const createPage = (slug: string, input: CreatePageRequest) => api.post<KnowledgePage>(`/communities/${encode(slug)}/pages`, input);

export function useCreatePage(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePageRequest) => createPage(slug, input),
    onSuccess: (page) => pageSaved(queryClient, page),
  });
}

import type { KnowledgePage } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { pageSaved } from './cache';
import { encode } from './keys';

/** "Still accurate": moves the review date ahead; not a revision. */
export const confirmFresh = (pageId: string) => api.post<KnowledgePage>(`/pages/${encode(pageId)}/confirm-fresh`);

export function useConfirmFresh(pageId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => confirmFresh(pageId), onSuccess: (page) => pageSaved(queryClient, page) });
}

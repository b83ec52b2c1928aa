import type { KnowledgePage, RestoreRevisionInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { pageSaved } from './cache';
import { encode } from './keys';

/** The old revision becomes the newest one; `version` is the current version the person saw. */
export const restoreRevision = (pageId: string, revision: number, input: RestoreRevisionInput) =>
  api.post<KnowledgePage>(`/pages/${encode(pageId)}/revisions/${revision}/restore`, input);

export function useRestoreRevision(pageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ revision, ...input }: RestoreRevisionInput & { revision: number }) => restoreRevision(pageId, revision, input),
    onSuccess: (page) => pageSaved(queryClient, page),
  });
}

import type { KnowledgePage, PageConflictProblem, SavePageRequest } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, hasCode, isApiError } from '@/lib/api-client';
import { pageSaved } from './cache';
import { encode } from './keys';

/** A stale `version` answers 409 page.version_conflict with the page as it is now (see conflictOf). */
export const savePage = (pageId: string, input: SavePageRequest) => api.put<KnowledgePage>(`/pages/${encode(pageId)}`, input);

export function useSavePage(pageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavePageRequest) => savePage(pageId, input),
    onSuccess: (page) => pageSaved(queryClient, page),
  });
}

export type PageConflict = Required<Pick<PageConflictProblem, 'current'>> & Pick<PageConflictProblem, 'changes'>;

/** The newer version someone else saved, from a 409 page.version_conflict; null for any other failure. */
export function conflictOf(error: unknown): PageConflict | null {
  if (!isApiError(error) || !hasCode(error, 'page.version_conflict')) return null;
  const problem = error.problem as Partial<PageConflictProblem>;
  if (!problem.current) return null;
  return { current: problem.current, changes: problem.changes };
}

import type { CreateWhiteboardInput, PersonSummary, SaveWhiteboardInput, Whiteboard } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, hasCode, isApiError } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

export const createWhiteboard = (slug: string, input: CreateWhiteboardInput) =>
  api.post<Whiteboard>(`/communities/${encode(slug)}/whiteboards`, input);

/** A stale `version` answers 409 whiteboard.version_conflict (see whiteboardConflictOf). */
export const saveWhiteboard = (id: string, input: SaveWhiteboardInput) => api.put<Whiteboard>(`/whiteboards/${encode(id)}`, input);

function saved(queryClient: ReturnType<typeof useQueryClient>, board: Whiteboard) {
  queryClient.setQueryData(knowledgeKeys.whiteboard(board.id), board);
  void queryClient.invalidateQueries({ queryKey: knowledgeKeys.whiteboards(board.community.slug) });
  void queryClient.invalidateQueries({ queryKey: knowledgeKeys.whiteboardRevisions(board.id) });
  // Pages that embed it show its new preview.
  void queryClient.invalidateQueries({ queryKey: ['knowledge', 'page'] });
}

export function useCreateWhiteboard(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWhiteboardInput) => createWhiteboard(slug, input),
    onSuccess: (board) => saved(queryClient, board),
  });
}

export function useSaveWhiteboard(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveWhiteboardInput) => saveWhiteboard(id, input),
    onSuccess: (board) => saved(queryClient, board),
  });
}

/** The `current` member of a 409 whiteboard.version_conflict (WhiteboardConflictProblem). */
export type WhiteboardConflict = { version: number; updatedAt: string; updatedBy: PersonSummary | null };

/** Who saved the whiteboard in between, from a 409 whiteboard.version_conflict; null for any other failure. */
export function whiteboardConflictOf(error: unknown): WhiteboardConflict | null {
  if (!isApiError(error) || !hasCode(error, 'whiteboard.version_conflict')) return null;
  return (error.problem as { current?: WhiteboardConflict }).current ?? null;
}

export { saved as whiteboardSaved };

import type { Page, RestoreRevisionInput, Whiteboard, WhiteboardRevision, WhiteboardRevisionSummary } from '@guildhall/shared';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';
import { whiteboardSaved } from './save-whiteboard';

export const getWhiteboardRevisions = (id: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<WhiteboardRevisionSummary>>(`/whiteboards/${encode(id)}/revisions`, { cursor, limit: 25 }, signal);

export const getWhiteboardRevision = (id: string, version: number) =>
  api.get<WhiteboardRevision>(`/whiteboards/${encode(id)}/revisions/${version}`);

export const useWhiteboardRevisions = (id: string, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: knowledgeKeys.whiteboardRevisions(id),
    queryFn: ({ pageParam, signal }) => getWhiteboardRevisions(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export const restoreWhiteboardRevision = (id: string, revision: number, input: RestoreRevisionInput) =>
  api.post<Whiteboard>(`/whiteboards/${encode(id)}/revisions/${revision}/restore`, input);

export function useRestoreWhiteboardRevision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ revision, ...input }: RestoreRevisionInput & { revision: number }) => restoreWhiteboardRevision(id, revision, input),
    onSuccess: (board) => whiteboardSaved(queryClient, board),
  });
}

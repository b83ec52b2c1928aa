import type { Page, ProposalComment } from '@guildhall/shared';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { proposalKeys } from './keys';

const path = (id: string) => `/proposals/${encodeURIComponent(id)}/comments`;

export const getComments = (id: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<ProposalComment>>(path(id), { cursor, limit: 50 }, signal);
export const addComment = (id: string, body: string) => api.post<ProposalComment>(path(id), { body });

/** Oldest first, as a conversation reads. */
export function useComments(id: string) {
  return useInfiniteQuery({
    queryKey: proposalKeys.comments(id),
    queryFn: ({ pageParam, signal }) => getComments(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => addComment(id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.comments(id) });
      void queryClient.invalidateQueries({ queryKey: proposalKeys.detail(id) });
    },
  });
}

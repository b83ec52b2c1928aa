import type { Page, ProposalStatus, ProposalSummary } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { proposalKeys } from './keys';

export const getProposals = (status: ProposalStatus, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<ProposalSummary>>('/proposals', { status, cursor, limit: 25 }, signal);

export function useProposals(status: ProposalStatus) {
  return useInfiniteQuery({
    queryKey: proposalKeys.list(status),
    queryFn: ({ pageParam, signal }) => getProposals(status, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

import type { Proposal } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api, hasCode } from '@/lib/api-client';
import { stewardshipKeys } from './stewardship-keys';

/** The proposal a community grew from, or null for one started directly. */
export async function getCommunityProposal(slug: string, signal?: AbortSignal): Promise<Proposal | null> {
  try {
    return await api.get<Proposal>(`/communities/${encodeURIComponent(slug)}/proposal`, undefined, signal);
  } catch (error) {
    if (hasCode(error, 'proposal.not_found')) return null;
    throw error;
  }
}

export const useCommunityProposal = (slug: string) =>
  useQuery({
    queryKey: stewardshipKeys.proposal(slug),
    queryFn: ({ signal }) => getCommunityProposal(slug, signal),
    staleTime: 5 * 60_000,
  });

import { PROPOSAL_EVENTS } from '@guildhall/shared';
import { useQueryClient } from '@tanstack/react-query';
import { RESYNC, useLiveEvents } from '@/lib/live-events';
import { proposalKeys } from './keys';

const TYPES = [...Object.values(PROPOSAL_EVENTS), RESYNC];

/**
 * Keeps proposals on screen current while colleagues signal interest, comment or launch:
 * events carry only the proposal's id, so the affected queries are refetched.
 */
export function useLiveProposals(proposalId?: string) {
  const queryClient = useQueryClient();
  useLiveEvents(TYPES, (type, data) => {
    const id = (data as { proposalId?: string } | null)?.proposalId;
    if (type === RESYNC || !proposalId) {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      return;
    }
    void queryClient.invalidateQueries({ queryKey: ['proposals', 'list'] });
    if (id === proposalId) {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.detail(proposalId) });
      if (type === PROPOSAL_EVENTS.commented) void queryClient.invalidateQueries({ queryKey: proposalKeys.comments(proposalId) });
    }
  });
}

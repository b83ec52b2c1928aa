import type { Proposal } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { proposalKeys } from './keys';

export const withdrawProposal = (id: string) => api.post<Proposal>(`/proposals/${encodeURIComponent(id)}/withdraw`);

export function useWithdrawProposal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawProposal(id),
    onSuccess: (proposal) => {
      queryClient.setQueryData(proposalKeys.detail(id), proposal);
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

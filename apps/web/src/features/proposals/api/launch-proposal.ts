import type { LaunchProposalRequest, LaunchResult } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { proposalKeys } from './keys';

export const launchProposal = (id: string, input: LaunchProposalRequest) =>
  api.post<LaunchResult>(`/proposals/${encodeURIComponent(id)}/launch`, input);

export function useLaunchProposal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LaunchProposalRequest) => launchProposal(id, input),
    onSuccess: (result) => {
      queryClient.setQueryData(proposalKeys.detail(id), result.proposal);
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      // The new community shows up in the directory and on the launcher's home page.
      void queryClient.invalidateQueries({ queryKey: ['communities'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

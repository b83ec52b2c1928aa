import type { ProposalThreshold } from '@guildhall/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { proposalKeys } from './keys';

export const getThreshold = (signal?: AbortSignal) => api.get<ProposalThreshold>('/proposals/threshold', undefined, signal);
export const setThreshold = (input: ProposalThreshold) => api.put<ProposalThreshold>('/proposals/threshold', input);

export const useThreshold = () => useQuery({ queryKey: proposalKeys.threshold, queryFn: ({ signal }) => getThreshold(signal) });

/** Org admins: readiness of every open proposal changes with it. */
export function useSetThreshold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setThreshold,
    onSuccess: (threshold) => {
      queryClient.setQueryData(proposalKeys.threshold, threshold);
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
    },
  });
}

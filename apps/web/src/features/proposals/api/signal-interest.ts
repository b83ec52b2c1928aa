import type { InterestKind, Proposal } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { proposalKeys } from './keys';

type Signal = { kind: InterestKind; on: boolean; note?: string };

const path = (id: string, kind: InterestKind) => `/proposals/${encodeURIComponent(id)}/interest/${kind}`;

/** Gives a signal (with an optional note) or takes it back; either way the answer is the proposal as it now stands. */
export const signalInterest = (id: string, { kind, on, note }: Signal) =>
  on ? api.put<Proposal>(path(id, kind), note ? { note } : {}) : api.delete<Proposal>(path(id, kind));

export function useSignalInterest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signal: Signal) => signalInterest(id, signal),
    onSuccess: (proposal) => {
      queryClient.setQueryData(proposalKeys.detail(id), proposal);
      void queryClient.invalidateQueries({ queryKey: ['proposals', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

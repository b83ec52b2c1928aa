import type { Proposal } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { proposalKeys } from './keys';

export const getProposal = (id: string, signal?: AbortSignal) =>
  api.get<Proposal>(`/proposals/${encodeURIComponent(id)}`, undefined, signal);

export const useProposal = (id: string) =>
  useQuery({ queryKey: proposalKeys.detail(id), queryFn: ({ signal }) => getProposal(id, signal) });

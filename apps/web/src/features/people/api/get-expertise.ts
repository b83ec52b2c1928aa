import type { PersonExpertise } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getExpertise = (personId: string, signal?: AbortSignal) =>
  api.get<PersonExpertise>(`/people/${encodeURIComponent(personId)}/expertise`, undefined, signal);

export const expertiseQueryKey = (personId: string) => ['people', personId, 'expertise'] as const;

export const useExpertise = (personId: string) =>
  useQuery({ queryKey: expertiseQueryKey(personId), queryFn: ({ signal }) => getExpertise(personId, signal) });

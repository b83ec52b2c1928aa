import type { Team } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getTeams = (signal?: AbortSignal) => api.get<{ items: Team[] }>('/teams', undefined, signal);

export const teamsQueryKey = ['teams'] as const;

export const useTeams = () => useQuery({ queryKey: teamsQueryKey, queryFn: ({ signal }) => getTeams(signal), staleTime: 60_000 });

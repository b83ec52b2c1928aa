import type { CreateTeamInput, Team } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { teamsQueryKey } from './get-teams';

export const createTeam = (input: CreateTeamInput) => api.post<Team>('/teams', input);

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamsQueryKey }),
  });
}

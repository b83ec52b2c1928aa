import type { CreatedInvite, CreateInviteInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { invitesQueryKey } from './get-invites';

export const createInvite = (input: CreateInviteInput) => api.post<CreatedInvite>('/invites', input);

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvite,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitesQueryKey }),
  });
}

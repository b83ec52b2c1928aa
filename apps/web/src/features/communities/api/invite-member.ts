import type { Member } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';

/** Invites someone; if they had asked to join, this approves them instead. */
export const inviteMember = (slug: string, personId: string) =>
  api.post<Member>(`/communities/${encodeURIComponent(slug)}/members`, { personId });

export function useInviteMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => inviteMember(slug, personId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.all }),
  });
}

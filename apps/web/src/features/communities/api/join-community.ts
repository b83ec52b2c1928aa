import type { JoinResult } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';

/** Joins an open community, accepts an invitation, or asks to join a private one. */
export const joinCommunity = (slug: string) => api.post<JoinResult>(`/communities/${encodeURIComponent(slug)}/members`, {});

export function useJoinCommunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: joinCommunity,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.all }),
  });
}

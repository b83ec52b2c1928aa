import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';

/** Leave, withdraw a request, decline an invitation, or (facilitators) remove someone. */
export const removeMember = (slug: string, personId: string) =>
  api.delete(`/communities/${encodeURIComponent(slug)}/members/${encodeURIComponent(personId)}`);

export function useRemoveMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => removeMember(slug, personId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.all }),
  });
}

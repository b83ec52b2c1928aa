import type { Community, UpdateCommunityInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';

export const updateCommunity = (slug: string, input: UpdateCommunityInput) =>
  api.patch<Community>(`/communities/${encodeURIComponent(slug)}`, input);

export function useUpdateCommunity(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCommunityInput) => updateCommunity(slug, input),
    onSuccess: (community) => {
      queryClient.setQueryData(communityKeys.detail(slug), community);
      void queryClient.invalidateQueries({ queryKey: communityKeys.all });
    },
  });
}

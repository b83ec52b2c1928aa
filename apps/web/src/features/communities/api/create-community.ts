import type { Community, CreateCommunityRequest } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';

export const createCommunity = (input: CreateCommunityRequest) => api.post<Community>('/communities', input);

export function useCreateCommunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCommunity,
    onSuccess: (community) => {
      queryClient.setQueryData(communityKeys.detail(community.slug), community);
      void queryClient.invalidateQueries({ queryKey: communityKeys.all });
    },
  });
}

import type { ChangeStageInput, Lifecycle } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';
import { stewardshipKeys } from './stewardship-keys';

export const changeStage = (slug: string, input: ChangeStageInput) =>
  api.post<Lifecycle>(`/communities/${encodeURIComponent(slug)}/lifecycle`, input);

export function useChangeStage(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeStageInput) => changeStage(slug, input),
    onSuccess: (lifecycle) => {
      queryClient.setQueryData(stewardshipKeys.lifecycle(slug), lifecycle);
      // The stage shows on the community itself, in the directory and, when closed, everywhere it is read-only.
      void queryClient.invalidateQueries({ queryKey: communityKeys.all });
    },
  });
}

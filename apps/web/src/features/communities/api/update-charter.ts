import type { Charter, UpdateCharterInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { stewardshipKeys } from './stewardship-keys';

/** A stale `version` answers 409 charter.version_conflict: someone saved since the editor opened. */
export const updateCharter = (slug: string, input: UpdateCharterInput) =>
  api.put<Charter>(`/communities/${encodeURIComponent(slug)}/charter`, input);

export function useUpdateCharter(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCharterInput) => updateCharter(slug, input),
    onSuccess: (charter) => {
      queryClient.setQueryData(stewardshipKeys.charter(slug), charter);
      void queryClient.invalidateQueries({ queryKey: stewardshipKeys.charterRevisions(slug) });
    },
  });
}

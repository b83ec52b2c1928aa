import type { CreateNewcomerItemRequest, NewcomerPath } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { startHerePath } from './get-start-here';
import { onboardingKeys } from './keys';

export const addStep = (slug: string, input: CreateNewcomerItemRequest) => api.post<NewcomerPath>(startHerePath(slug), input);
export const removeStep = (slug: string, itemId: string) => api.delete(`${startHerePath(slug)}/${encodeURIComponent(itemId)}`);
export const reorderSteps = (slug: string, itemIds: string[]) => api.put<NewcomerPath>(`${startHerePath(slug)}/order`, { itemIds });

/** Facilitators curate the path: add a step at the end, remove one, or reorder them all. */
export function useEditStartHere(slug: string) {
  const queryClient = useQueryClient();
  const settle = (path?: NewcomerPath) => {
    if (path) queryClient.setQueryData(onboardingKeys.path(slug), path);
    else void queryClient.invalidateQueries({ queryKey: onboardingKeys.path(slug) });
  };
  return {
    add: useMutation({ mutationFn: (input: CreateNewcomerItemRequest) => addStep(slug, input), onSuccess: settle }),
    remove: useMutation({ mutationFn: (itemId: string) => removeStep(slug, itemId), onSuccess: () => settle() }),
    reorder: useMutation({ mutationFn: (itemIds: string[]) => reorderSteps(slug, itemIds), onSuccess: settle }),
  };
}

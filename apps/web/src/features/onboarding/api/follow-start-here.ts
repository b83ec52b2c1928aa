import type { BuddyResult, NewcomerPath } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { startHerePath } from './get-start-here';
import { onboardingKeys } from './keys';

export const markStep = (slug: string, itemId: string, done: boolean) => {
  const path = `${startHerePath(slug)}/${encodeURIComponent(itemId)}/done`;
  return done ? api.put<NewcomerPath>(path) : api.delete<NewcomerPath>(path);
};

export const requestBuddy = (slug: string) => api.post<BuddyResult>(`/communities/${encodeURIComponent(slug)}/buddy`);

/** A member checks steps off as they go; the home page shows what is next. */
export function useMarkStep(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, done }: { itemId: string; done: boolean }) => markStep(slug, itemId, done),
    onSuccess: (path) => {
      queryClient.setQueryData(onboardingKeys.path(slug), path);
      void queryClient.invalidateQueries({ queryKey: onboardingKeys.home });
    },
  });
}

/** Asking again answers the same buddy, so a double click does no harm. */
export function useRequestBuddy(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestBuddy(slug),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: onboardingKeys.path(slug) }),
  });
}

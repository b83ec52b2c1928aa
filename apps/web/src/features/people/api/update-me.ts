import type { Me, UpdateProfileInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meQueryKey } from './get-me';
import { personQueryKey } from './get-person';

export const updateMe = (input: UpdateProfileInput) => api.patch<Me>('/me', input);

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      void queryClient.invalidateQueries({ queryKey: personQueryKey(me.id) });
      // Names, titles and teams show up in member lists.
      void queryClient.invalidateQueries({ queryKey: ['communities'] });
    },
  });
}

import type { DeclaredSkill, SetSkillsInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meQueryKey } from './get-me';

export const setSkills = (input: SetSkillsInput) => api.put<{ skills: DeclaredSkill[] }>('/me/skills', input);

/** "Ask me about": replaces the whole list, levels included. */
export function useSetSkills() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setSkills,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      // Questions matching one's skills show on the home page.
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const signOut = () => api.post<void>('/auth/signout');

/**
 * Ends the session, then loads /signin afresh: a full page load is the one sure way to drop
 * everything the previous person's session left in memory (query cache, open dialogs, drafts).
 */
export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    onSettled: () => window.location.assign('/signin'),
  });
}

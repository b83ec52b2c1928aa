import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { tokensQueryKey } from './get-tokens';

export const revokeToken = (tokenId: string) => api.delete(`/me/tokens/${encodeURIComponent(tokenId)}`);

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

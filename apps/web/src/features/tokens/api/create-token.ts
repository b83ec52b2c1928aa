import type { CreatedToken, CreateTokenInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { tokensQueryKey } from './get-tokens';

export const createToken = (input: CreateTokenInput) => api.post<CreatedToken>('/me/tokens', input);

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

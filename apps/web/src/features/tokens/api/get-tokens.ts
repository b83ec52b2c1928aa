import type { ApiToken } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getTokens = (signal?: AbortSignal) => api.get<{ items: ApiToken[] }>('/me/tokens', undefined, signal);

export const tokensQueryKey = ['tokens'] as const;

export const useTokens = () => useQuery({ queryKey: tokensQueryKey, queryFn: ({ signal }) => getTokens(signal) });

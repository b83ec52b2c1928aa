import type { Me, Session } from '@guildhall/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/**
 * Being signed out is a state of the app, not an error: /auth/session answers null for it,
 * so a signed-out page load logs no failed request.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  const session = await api.get<Session>('/auth/session', undefined, signal);
  return session.me;
}

export const meQueryKey = ['me'] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => getMe(signal),
  staleTime: 5 * 60_000,
});

export const useMe = () => useQuery(meQueryOptions);

import type { Invite } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getInvites = (signal?: AbortSignal) => api.get<{ items: Invite[] }>('/invites', undefined, signal);

export const invitesQueryKey = ['invites'] as const;

export const useInvites = () => useQuery({ queryKey: invitesQueryKey, queryFn: ({ signal }) => getInvites(signal) });

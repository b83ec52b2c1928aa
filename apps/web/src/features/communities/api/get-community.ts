import type { Community } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { communityKeys } from './keys';

export const getCommunity = (slug: string, signal?: AbortSignal) =>
  api.get<Community>(`/communities/${encodeURIComponent(slug)}`, undefined, signal);

export const useCommunity = (slug: string) =>
  useQuery({ queryKey: communityKeys.detail(slug), queryFn: ({ signal }) => getCommunity(slug, signal) });

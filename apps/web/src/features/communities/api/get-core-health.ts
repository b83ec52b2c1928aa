import type { CoreHealth } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { stewardshipKeys } from './stewardship-keys';

export const getCoreHealth = (slug: string, signal?: AbortSignal) =>
  api.get<CoreHealth>(`/communities/${encodeURIComponent(slug)}/core-health`, undefined, signal);

export const useCoreHealth = (slug: string) =>
  useQuery({ queryKey: stewardshipKeys.coreHealth(slug), queryFn: ({ signal }) => getCoreHealth(slug, signal) });

import type { Lifecycle } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { stewardshipKeys } from './stewardship-keys';

export const getLifecycle = (slug: string, signal?: AbortSignal) =>
  api.get<Lifecycle>(`/communities/${encodeURIComponent(slug)}/lifecycle`, undefined, signal);

export const useLifecycle = (slug: string, enabled = true) =>
  useQuery({ queryKey: stewardshipKeys.lifecycle(slug), queryFn: ({ signal }) => getLifecycle(slug, signal), enabled });

import type { Charter } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { stewardshipKeys } from './stewardship-keys';

export const getCharter = (slug: string, signal?: AbortSignal) =>
  api.get<Charter>(`/communities/${encodeURIComponent(slug)}/charter`, undefined, signal);

export const useCharter = (slug: string) =>
  useQuery({ queryKey: stewardshipKeys.charter(slug), queryFn: ({ signal }) => getCharter(slug, signal) });

import type { CadenceReport } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys } from './keys';

export const getCadence = (slug: string, signal?: AbortSignal) =>
  api.get<CadenceReport>(`/communities/${encodeURIComponent(slug)}/cadence`, undefined, signal);

export const useCadence = (slug: string) =>
  useQuery({ queryKey: eventKeys.cadence(slug), queryFn: ({ signal }) => getCadence(slug, signal) });

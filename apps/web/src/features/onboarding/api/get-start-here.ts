import type { NewcomerPath } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { onboardingKeys } from './keys';

export const startHerePath = (slug: string) => `/communities/${encodeURIComponent(slug)}/start-here`;

export const getStartHere = (slug: string, signal?: AbortSignal) => api.get<NewcomerPath>(startHerePath(slug), undefined, signal);

export const useStartHere = (slug: string) =>
  useQuery({ queryKey: onboardingKeys.path(slug), queryFn: ({ signal }) => getStartHere(slug, signal) });

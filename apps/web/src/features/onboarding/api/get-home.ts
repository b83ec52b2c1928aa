import type { Home } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { onboardingKeys } from './keys';

export const getHome = (signal?: AbortSignal) => api.get<Home>('/me/home', undefined, signal);

/** What to do next: sessions, questions to answer, proposals seeking interest, newcomer paths. */
export const useHome = () => useQuery({ queryKey: onboardingKeys.home, queryFn: ({ signal }) => getHome(signal) });

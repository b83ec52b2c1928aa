import type { Profile } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getPerson = (personId: string, signal?: AbortSignal) =>
  api.get<Profile>(`/people/${encodeURIComponent(personId)}`, undefined, signal);

export const personQueryKey = (personId: string) => ['people', personId] as const;

export const usePerson = (personId: string | undefined) =>
  useQuery({
    queryKey: personQueryKey(personId ?? ''),
    queryFn: ({ signal }) => getPerson(personId ?? '', signal),
    enabled: Boolean(personId),
  });

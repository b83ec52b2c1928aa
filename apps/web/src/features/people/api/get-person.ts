import type { PersonProfile } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The profile with communities, roles and counts: only what the viewer may see of them. */
export const getPerson = (personId: string, signal?: AbortSignal) =>
  api.get<PersonProfile>(`/people/${encodeURIComponent(personId)}`, undefined, signal);

export const personQueryKey = (personId: string) => ['people', personId] as const;

export const usePerson = (personId: string | undefined) =>
  useQuery({
    queryKey: personQueryKey(personId ?? ''),
    queryFn: ({ signal }) => getPerson(personId ?? '', signal),
    enabled: Boolean(personId),
  });

import type { FormatReflections, OccurrenceReflections, Reflection, ReflectionRequest } from '@guildhall/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, hasCode } from '@/lib/api-client';
import { eventKeys, occurrencePath } from './keys';

/** Mine, or null when I have not reflected yet. */
export async function getMyReflection(eventId: string, key: string, signal?: AbortSignal): Promise<Reflection | null> {
  try {
    return await api.get<Reflection>(occurrencePath(eventId, key, '/reflection'), undefined, signal);
  } catch (error) {
    if (hasCode(error, 'reflection.not_found')) return null;
    throw error;
  }
}

export const useMyReflection = (eventId: string, key: string, enabled: boolean) =>
  useQuery({ queryKey: eventKeys.myReflection(eventId, key), queryFn: ({ signal }) => getMyReflection(eventId, key, signal), enabled });

export const saveReflection = (eventId: string, key: string, input: ReflectionRequest) =>
  api.put<Reflection>(occurrencePath(eventId, key, '/reflection'), input);

export function useSaveReflection(eventId: string, key: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReflectionRequest) => saveReflection(eventId, key, input),
    onSuccess: (reflection) => {
      queryClient.setQueryData(eventKeys.myReflection(eventId, key), reflection);
      void queryClient.invalidateQueries({ queryKey: eventKeys.reflections(eventId, key) });
      void queryClient.invalidateQueries({ queryKey: eventKeys.formatReflections(slug) });
    },
  });
}

export const getOccurrenceReflections = (eventId: string, key: string, signal?: AbortSignal) =>
  api.get<OccurrenceReflections>(occurrencePath(eventId, key, '/reflections'), undefined, signal);

/** Facilitators: everyone's reflections on the session and their aggregate. */
export const useOccurrenceReflections = (eventId: string, key: string, enabled: boolean) =>
  useQuery({
    queryKey: eventKeys.reflections(eventId, key),
    queryFn: ({ signal }) => getOccurrenceReflections(eventId, key, signal),
    enabled,
  });

export const getFormatReflections = (slug: string, signal?: AbortSignal) =>
  api.get<FormatReflections>(`/communities/${encodeURIComponent(slug)}/reflections`, undefined, signal);

/** Facilitators: which formats work for this community. */
export const useFormatReflections = (slug: string, enabled = true) =>
  useQuery({ queryKey: eventKeys.formatReflections(slug), queryFn: ({ signal }) => getFormatReflections(slug, signal), enabled });

import type { CreateReadingInput, Page, Reading } from '@guildhall/shared';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys } from './keys';

export const getReadings = (slug: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<Reading>>(`/communities/${encodeURIComponent(slug)}/readings`, { cursor, limit: 50 }, signal);

/** The journal club's reading list, most wanted first. */
export const useReadings = (slug: string, enabled = true) =>
  useInfiniteQuery({
    queryKey: eventKeys.readings(slug),
    queryFn: ({ pageParam, signal }) => getReadings(slug, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((p) => p.items),
    enabled,
  });

export const suggestReading = (slug: string, input: Partial<CreateReadingInput> & Pick<CreateReadingInput, 'kind' | 'url' | 'title'>) =>
  api.post<Reading>(`/communities/${encodeURIComponent(slug)}/readings`, input);

export const voteReading = (readingId: string, on: boolean) =>
  on
    ? api.put<Reading>(`/readings/${encodeURIComponent(readingId)}/vote`)
    : api.delete<Reading>(`/readings/${encodeURIComponent(readingId)}/vote`);

export type ReadingChange =
  | { kind: 'suggest'; input: Parameters<typeof suggestReading>[1] }
  | { kind: 'vote'; readingId: string; on: boolean };

export function useChangeReading(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ReadingChange) =>
      change.kind === 'suggest' ? suggestReading(slug, change.input) : voteReading(change.readingId, change.on),
    // A journal club's page shows its chosen reading's votes too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

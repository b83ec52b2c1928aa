import type { SimilarResult } from '@guildhall/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { proposalKeys } from './keys';

export const getSimilar = (topic: string, signal?: AbortSignal) => api.get<SimilarResult>('/proposals/similar', { topic }, signal);

/** Communities and open proposals like the topic being typed; pass the debounced topic. */
export function useSimilar(topic: string) {
  const wanted = topic.trim();
  return useQuery({
    queryKey: proposalKeys.similar(wanted),
    queryFn: ({ signal }) => getSimilar(wanted, signal),
    // The server needs two characters to compare words.
    enabled: wanted.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

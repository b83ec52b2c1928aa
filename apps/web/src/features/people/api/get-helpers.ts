import type { HelperList } from '@guildhall/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getHelpers = (topic: string, signal?: AbortSignal) => api.get<HelperList>('/people/expertise', { topic, limit: 10 }, signal);

/** "Who can help with <topic>?": people ranked by evidence; pass the debounced topic. */
export function useHelpers(topic: string) {
  const wanted = topic.trim();
  return useQuery({
    queryKey: ['people', 'helpers', wanted],
    queryFn: ({ signal }) => getHelpers(wanted, signal),
    enabled: wanted.length > 0,
    placeholderData: keepPreviousData,
  });
}

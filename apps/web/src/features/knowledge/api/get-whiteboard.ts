import type { Whiteboard } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { encode, knowledgeKeys } from './keys';

export const getWhiteboard = (id: string, signal?: AbortSignal) => api.get<Whiteboard>(`/whiteboards/${encode(id)}`, undefined, signal);

/** Loaded once per visit to the editor: refetching would not reach the canvas, which keeps its own scene. */
export const useWhiteboard = (id: string | undefined) =>
  useQuery({
    queryKey: knowledgeKeys.whiteboard(id ?? ''),
    queryFn: ({ signal }) => getWhiteboard(id ?? '', signal),
    enabled: id !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

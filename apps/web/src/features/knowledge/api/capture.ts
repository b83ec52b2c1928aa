import type { CaptureInput, KnowledgePage } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { pageSaved } from './cache';
import { encode } from './keys';

/** Where knowledge can be captured from: a question or challenge thread, or one session of an event. */
export type CaptureSource = { type: 'thread'; id: string } | { type: 'occurrence'; eventId: string; key: string };

const capturePath = (source: CaptureSource) =>
  source.type === 'thread'
    ? `/threads/${encode(source.id)}/capture`
    : `/events/${encode(source.eventId)}/occurrences/${encode(source.key)}/capture`;

/** A draft page, prefilled from the source and linked back to it, owned by whoever captured it. */
export const capture = (source: CaptureSource, input: CaptureInput = {}) => api.post<KnowledgePage>(capturePath(source), input);

export function useCapture() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ source, input }: { source: CaptureSource; input?: CaptureInput }) => capture(source, input),
    onSuccess: (page) => pageSaved(queryClient, page),
  });
}

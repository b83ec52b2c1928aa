import type { OccurrenceDetail, OccurrenceRecordInput } from '@guildhall/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, occurrencePath } from './keys';

export const saveRecord = (eventId: string, key: string, input: OccurrenceRecordInput) =>
  api.put<OccurrenceDetail>(occurrencePath(eventId, key, '/record'), input);

/** Facilitators: notes, slides and recording links; for journal clubs, the reading and its discussion thread. */
export function useSaveRecord(eventId: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OccurrenceRecordInput) => saveRecord(eventId, key, input),
    onSuccess: (detail) => queryClient.setQueryData(eventKeys.occurrence(eventId, key), detail),
  });
}

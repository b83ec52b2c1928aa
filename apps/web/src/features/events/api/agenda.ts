import type { AgendaSlot, CreateAgendaSlotInput, OccurrenceDetail, ThreadSummary, UpdateAgendaSlotInput } from '@guildhall/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, occurrencePath } from './keys';

export const addAgendaSlot = (eventId: string, key: string, input: CreateAgendaSlotInput) =>
  api.post<AgendaSlot[]>(occurrencePath(eventId, key, '/agenda'), input);
export const updateAgendaSlot = (slotId: string, input: UpdateAgendaSlotInput) =>
  api.patch<AgendaSlot[]>(`/agenda-slots/${encodeURIComponent(slotId)}`, input);
export const removeAgendaSlot = (slotId: string) => api.delete(`/agenda-slots/${encodeURIComponent(slotId)}`);

export type AgendaChange =
  | { kind: 'add'; input: CreateAgendaSlotInput }
  | { kind: 'update'; slotId: string; input: UpdateAgendaSlotInput }
  | { kind: 'remove'; slotId: string };

/** Facilitators shape a session's agenda; every change answers the agenda as it is now. */
export function useChangeAgenda(eventId: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: AgendaChange): Promise<AgendaSlot[] | null> => {
      if (change.kind === 'add') return addAgendaSlot(eventId, key, change.input);
      if (change.kind === 'update') return updateAgendaSlot(change.slotId, change.input);
      await removeAgendaSlot(change.slotId);
      return null;
    },
    onSuccess: (agenda) => {
      if (agenda) {
        queryClient.setQueryData<OccurrenceDetail>(eventKeys.occurrence(eventId, key), (page) => page && { ...page, agenda });
      }
      void queryClient.invalidateQueries({ queryKey: eventKeys.occurrence(eventId, key), exact: true });
    },
  });
}

export const getChallenges = (eventId: string, key: string, signal?: AbortSignal) =>
  api.get<ThreadSummary[]>(occurrencePath(eventId, key, '/challenges'), undefined, signal);

/** The community's open challenges, for a problem-solving session. */
export const useChallenges = (eventId: string, key: string, enabled: boolean) =>
  useQuery({ queryKey: eventKeys.challenges(eventId, key), queryFn: ({ signal }) => getChallenges(eventId, key, signal), enabled });

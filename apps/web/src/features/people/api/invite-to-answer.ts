import type { HelperList, InviteToAnswerInput } from '@guildhall/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

const base = (threadId: string) => `/threads/${encodeURIComponent(threadId)}`;

export const getSuggestedHelpers = (threadId: string, signal?: AbortSignal) =>
  api.get<HelperList>(`${base(threadId)}/suggested-helpers`, undefined, signal);
export const inviteToAnswer = (threadId: string, input: InviteToAnswerInput) =>
  api.post<{ invited: string[] }>(`${base(threadId)}/invitations`, input);

export const useSuggestedHelpers = (threadId: string, enabled = true) =>
  useQuery({
    queryKey: ['threads', threadId, 'suggested-helpers'],
    queryFn: ({ signal }) => getSuggestedHelpers(threadId, signal),
    enabled,
  });

export const useInviteToAnswer = (threadId: string) =>
  useMutation({ mutationFn: (personIds: string[]) => inviteToAnswer(threadId, { personIds }) });

import type { CreateSessionQuestionInput, QuestionsToThreadsResult, SessionQuestion } from '@guildhall/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, occurrencePath } from './keys';

/** As the presenter sees them: unanswered first, then most votes, then oldest (the server's order). */
export function rankQuestions(questions: SessionQuestion[]): SessionQuestion[] {
  return [...questions].sort(
    (a, b) =>
      Number(a.answeredAt !== null) - Number(b.answeredAt !== null) ||
      b.votes - a.votes ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

export const getQuestions = (eventId: string, key: string, signal?: AbortSignal) =>
  api.get<SessionQuestion[]>(occurrencePath(eventId, key, '/questions'), undefined, signal);

export const useQuestions = (eventId: string, key: string) =>
  useQuery({ queryKey: eventKeys.questions(eventId, key), queryFn: ({ signal }) => getQuestions(eventId, key, signal) });

/** Puts a changed question in place and re-ranks, without waiting for a refetch. */
function useReplaceQuestion(eventId: string, key: string) {
  const queryClient = useQueryClient();
  return (question: SessionQuestion) =>
    queryClient.setQueryData<SessionQuestion[]>(eventKeys.questions(eventId, key), (list) =>
      rankQuestions([...(list ?? []).filter((q) => q.id !== question.id), question]),
    );
}

export const askQuestion = (eventId: string, key: string, input: CreateSessionQuestionInput) =>
  api.post<SessionQuestion>(occurrencePath(eventId, key, '/questions'), input);

export function useAskQuestion(eventId: string, key: string) {
  const replace = useReplaceQuestion(eventId, key);
  return useMutation({ mutationFn: (input: CreateSessionQuestionInput) => askQuestion(eventId, key, input), onSuccess: replace });
}

export const voteQuestion = (questionId: string, on: boolean) =>
  on
    ? api.put<SessionQuestion>(`/session-questions/${encodeURIComponent(questionId)}/vote`)
    : api.delete<SessionQuestion>(`/session-questions/${encodeURIComponent(questionId)}/vote`);

export function useVoteQuestion(eventId: string, key: string) {
  const replace = useReplaceQuestion(eventId, key);
  return useMutation({ mutationFn: ({ id, on }: { id: string; on: boolean }) => voteQuestion(id, on), onSuccess: replace });
}

export const markAnswered = (questionId: string, answered: boolean) =>
  answered
    ? api.put<SessionQuestion>(`/session-questions/${encodeURIComponent(questionId)}/answered`)
    : api.delete<SessionQuestion>(`/session-questions/${encodeURIComponent(questionId)}/answered`);

export function useMarkAnswered(eventId: string, key: string) {
  const replace = useReplaceQuestion(eventId, key);
  return useMutation({
    mutationFn: ({ id, answered }: { id: string; answered: boolean }) => markAnswered(id, answered),
    onSuccess: replace,
  });
}

export const questionsToThreads = (eventId: string, key: string) =>
  api.post<QuestionsToThreadsResult>(occurrencePath(eventId, key, '/questions/to-threads'));

/** After the session: the unanswered questions become threads of the community. */
export function useQuestionsToThreads(eventId: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => questionsToThreads(eventId, key),
    onSuccess: (result) => queryClient.setQueryData(eventKeys.questions(eventId, key), rankQuestions(result.questions)),
  });
}

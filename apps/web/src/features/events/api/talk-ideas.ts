import type { CreateTalkIdeaInput, Page, ScheduleTalkIdeaInput, TalkIdea } from '@guildhall/shared';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys } from './keys';

export const getTalkIdeas = (slug: string, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<TalkIdea>>(`/communities/${encodeURIComponent(slug)}/talk-ideas`, { cursor, limit: 50 }, signal);

/** The community's talk backlog, most wanted first. */
export const useTalkIdeas = (slug: string) =>
  useInfiniteQuery({
    queryKey: eventKeys.talkIdeas(slug),
    queryFn: ({ pageParam, signal }) => getTalkIdeas(slug, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((p) => p.items),
  });

export const proposeTalkIdea = (slug: string, input: Partial<CreateTalkIdeaInput> & { title: string }) =>
  api.post<TalkIdea>(`/communities/${encodeURIComponent(slug)}/talk-ideas`, input);

export const voteTalkIdea = (ideaId: string, on: boolean) =>
  on
    ? api.put<TalkIdea>(`/talk-ideas/${encodeURIComponent(ideaId)}/vote`)
    : api.delete<TalkIdea>(`/talk-ideas/${encodeURIComponent(ideaId)}/vote`);

export const scheduleTalkIdea = (ideaId: string, input: ScheduleTalkIdeaInput) =>
  api.post<TalkIdea>(`/talk-ideas/${encodeURIComponent(ideaId)}/schedule`, input);

export type TalkIdeaChange =
  | { kind: 'propose'; input: Partial<CreateTalkIdeaInput> & { title: string } }
  | { kind: 'vote'; ideaId: string; on: boolean }
  | { kind: 'schedule'; ideaId: string; input: ScheduleTalkIdeaInput };

/** Volunteering, voting and (facilitators) scheduling into a session's agenda. */
export function useChangeTalkIdea(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: TalkIdeaChange) => {
      if (change.kind === 'propose') return proposeTalkIdea(slug, change.input);
      if (change.kind === 'vote') return voteTalkIdea(change.ideaId, change.on);
      return scheduleTalkIdea(change.ideaId, change.input);
    },
    onSuccess: (_idea, change) => {
      void queryClient.invalidateQueries({ queryKey: eventKeys.talkIdeas(slug) });
      if (change.kind === 'schedule') {
        void queryClient.invalidateQueries({ queryKey: eventKeys.occurrence(change.input.eventId, change.input.occurrenceKey) });
      }
    },
  });
}

import type { SessionQuestion } from '@guildhall/shared';
import { useQueryClient } from '@tanstack/react-query';
import { RESYNC, useLiveEvents } from '@/lib/live-events';
import { eventKeys } from './keys';
import { rankQuestions } from './questions';

/** The payloads of EventEvents (@guildhall/shared) this page reads. */
type QuestionPayload = { questionId: string; votes?: number; answeredAt?: string | null; threadId?: string };

const COMMUNITY_TYPES = ['event.changed', 'occurrence.changed', 'rsvp.changed', RESYNC] as const;

/** Keeps a community's calendar views current while they are on screen. */
export function useCommunityCalendarLiveUpdates(slug: string) {
  const queryClient = useQueryClient();
  // The stream only carries what the person may read; any change in this community refreshes its calendars.
  useLiveEvents(COMMUNITY_TYPES, () => void queryClient.invalidateQueries({ queryKey: eventKeys.community(slug) }));
}

const SESSION_TYPES = [
  'event.changed',
  'occurrence.changed',
  'rsvp.changed',
  'rsvp.promoted',
  'session_question.created',
  'session_question.voted',
  'session_question.answered',
  'session_question.mine',
  'session_question.threaded',
  RESYNC,
] as const;

/**
 * Keeps one session's page live: RSVP counts, agenda and notes refetch when they change; the
 * live questions re-rank in place as votes and answers arrive (the presenter's view), and a new
 * question is fetched so that the asker's own tabs know it is theirs.
 */
export function useOccurrenceLiveUpdates(eventId: string, key: string) {
  const queryClient = useQueryClient();
  const questionsKey = eventKeys.questions(eventId, key);
  const patchQuestion = (id: string, patch: Partial<SessionQuestion>) =>
    queryClient.setQueryData<SessionQuestion[]>(questionsKey, (list) =>
      list ? rankQuestions(list.map((q) => (q.id === id ? { ...q, ...patch } : q))) : list,
    );

  useLiveEvents(SESSION_TYPES, (type, data) => {
    if (type === RESYNC) {
      void queryClient.invalidateQueries({ queryKey: eventKeys.occurrence(eventId, key) });
      return;
    }
    const payload = data as { eventId?: string; key?: string; newEventId?: string };
    if (payload.eventId !== eventId) return;
    if (type === 'event.changed') {
      void queryClient.invalidateQueries({ queryKey: eventKeys.series(eventId) });
      void queryClient.invalidateQueries({ queryKey: eventKeys.occurrence(eventId, key), exact: true });
      return;
    }
    if (payload.key !== key) return;
    switch (type) {
      case 'session_question.voted': {
        const { questionId, votes } = data as QuestionPayload;
        if (votes !== undefined) patchQuestion(questionId, { votes });
        return;
      }
      case 'session_question.answered': {
        const { questionId, answeredAt } = data as QuestionPayload;
        patchQuestion(questionId, { answeredAt: answeredAt ?? null });
        return;
      }
      case 'session_question.threaded': {
        const { questionId, threadId } = data as QuestionPayload;
        if (threadId) patchQuestion(questionId, { threadId });
        return;
      }
      case 'session_question.created':
      case 'session_question.mine':
        void queryClient.invalidateQueries({ queryKey: questionsKey });
        return;
      case 'rsvp.promoted':
        // The notice itself is app-wide (PersonalNotices); here the page only catches up.
        break;
    }
    void queryClient.invalidateQueries({ queryKey: eventKeys.occurrence(eventId, key), exact: true });
    void queryClient.invalidateQueries({ queryKey: eventKeys.attendees(eventId, key) });
  });
}

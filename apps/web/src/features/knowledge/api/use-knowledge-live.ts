import { useQueryClient } from '@tanstack/react-query';
import { RESYNC, useLiveEvents } from '@/lib/live-events';
import { knowledgeKeys } from './keys';

const TYPES = ['page.changed', 'page.deleted', 'whiteboard.changed', 'whiteboard.deleted', RESYNC];

/**
 * Someone else's save shows up on an open Knowledge tab or page. Events carry ids only, and the
 * server sends a community's events only to those who may read them, so refetching is safe.
 */
export function useKnowledgeLive(slug: string, pageId?: string) {
  const queryClient = useQueryClient();
  useLiveEvents(TYPES, (type, data) => {
    void queryClient.invalidateQueries({ queryKey: knowledgeKeys.community(slug) });
    const changed = (data as { pageId?: string } | null)?.pageId;
    if (pageId && (type === RESYNC || changed === pageId)) {
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.page(pageId) });
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.revisions(pageId) });
    }
  });
}

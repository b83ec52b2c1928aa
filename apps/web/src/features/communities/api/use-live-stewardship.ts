import { COMMUNITY_EVENTS } from '@guildhall/shared';
import { useQueryClient } from '@tanstack/react-query';
import { RESYNC, useLiveEvents } from '@/lib/live-events';
import { communityKeys } from './keys';
import { stewardshipKeys } from './stewardship-keys';

const TYPES = [COMMUNITY_EVENTS.charterUpdated, COMMUNITY_EVENTS.stageChanged, RESYNC];

/** Another facilitator's charter save or stage move shows up on an open front page. */
export function useLiveStewardship(community: { id: string; slug: string }) {
  const queryClient = useQueryClient();
  useLiveEvents(TYPES, (type, data) => {
    const communityId = (data as { communityId?: string } | null)?.communityId;
    if (type !== RESYNC && communityId !== community.id) return;
    if (type === COMMUNITY_EVENTS.charterUpdated || type === RESYNC) {
      void queryClient.invalidateQueries({ queryKey: stewardshipKeys.charter(community.slug) });
    }
    if (type === COMMUNITY_EVENTS.stageChanged || type === RESYNC) {
      void queryClient.invalidateQueries({ queryKey: stewardshipKeys.lifecycle(community.slug) });
      void queryClient.invalidateQueries({ queryKey: communityKeys.detail(community.slug) });
    }
  });
}

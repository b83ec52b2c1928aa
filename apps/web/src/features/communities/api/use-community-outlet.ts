import type { Community } from '@guildhall/shared';
import { useOutletContext } from 'react-router';

/** What the community layout hands each of its tabs: the community, already loaded and readable. */
export type CommunityOutlet = { community: Community };

export const useCommunityOutlet = () => useOutletContext<CommunityOutlet>();

import { EmptyState } from '@/components/ui/empty-state';
import { useCommunityOutlet } from '@/features/communities';

export function CommunityEventsRoute() {
  const { community } = useCommunityOutlet();
  return <EmptyState title="Events" description={`Sessions of ${community.name} appear here.`} />;
}

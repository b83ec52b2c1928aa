import { EmptyState } from '@/components/ui/empty-state';
import { useCommunityOutlet } from '@/features/communities';

export function CommunityThreadsRoute() {
  const { community } = useCommunityOutlet();
  return <EmptyState title="Threads" description={`Threads of ${community.name} appear here.`} />;
}

import { Anchor, List, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/problem-alert';
import { useBacklinks } from '../api/get-backlinks';
import { knowledgePaths } from '../lib/paths';
import { StatusBadges } from './page-badges';

/** The pages whose [[links]] name this one. */
export function Backlinks({ slug, pageId }: { slug: string; pageId: string }) {
  const backlinks = useBacklinks(pageId);
  if (backlinks.isPending) return <Loader size="xs" role="status" aria-label="Loading the pages that link here" />;
  if (backlinks.isError) {
    return (
      <ErrorState
        error={backlinks.error}
        title="Links to this page could not be loaded"
        headingOrder={3}
        onRetry={() => void backlinks.refetch()}
      />
    );
  }
  if (backlinks.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No other page links here yet. Link to it from another page by writing its title in double brackets, like [[Page title]].
      </Text>
    );
  }
  return (
    <List size="sm" spacing={4} data-testid="backlinks">
      {backlinks.data.items.map((page) => (
        <List.Item key={page.id}>
          <Anchor component={Link} to={knowledgePaths.page(slug, page.id)} size="sm">
            {page.title}
          </Anchor>{' '}
          <StatusBadges status={page.status} size="xs" />
        </List.Item>
      ))}
    </List>
  );
}

import { Button, Center, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { usePages } from '../api/get-pages';
import type { PageListFilters } from '../api/keys';
import { PageRow } from './page-row';

type Props = {
  slug: string;
  filters: PageListFilters;
  /** What to say when the list is empty. */
  empty: ReactNode;
  /** Lists that preview a few pages do not offer more. */
  paged?: boolean;
  label: string;
  testId?: string;
};

/** A list of pages from the API, with its loading, error and empty states. */
export function PageList({ slug, filters, empty, paged = true, label, testId }: Props) {
  const pages = usePages(slug, filters);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  if (pages.isPending) return <ListSkeleton rows={3} height={60} />;
  if (pages.isError) {
    return <ErrorState error={pages.error} title="These pages could not be loaded" headingOrder={3} onRetry={() => void pages.refetch()} />;
  }
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId ? `${testId}-empty` : undefined}>
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap="xs" aria-busy={pages.isFetching}>
      <Stack
        component="ul"
        gap="xs"
        aria-label={label}
        style={{ listStyle: 'none', padding: 0, margin: 0, opacity: pages.isPlaceholderData ? 0.6 : 1 }}
        data-testid={testId}
      >
        {items.map((page) => (
          <PageRow key={page.id} slug={slug} page={page} showReview={filters.stale} />
        ))}
      </Stack>
      {paged && pages.hasNextPage && (
        <Center>
          <Button variant="default" size="xs" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            More pages
          </Button>
        </Center>
      )}
    </Stack>
  );
}

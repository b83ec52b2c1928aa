import { CATEGORIES, type Category } from '@guildhall/shared';
import { Button, Center, Loader, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearchOff, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { plural } from '@/lib/format';
import { useCommunities } from '../api/get-communities';
import { CommunityCard } from '../components/community-card';
import { CommunityFilters } from '../components/community-filters';

const isCategory = (value: string | null): value is Category => CATEGORIES.includes(value as Category);

function filtersToParams(q: string, category: Category | undefined, mine: boolean): URLSearchParams {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (category) params.set('category', category);
  if (mine) params.set('mine', 'true');
  return params;
}

export function DirectoryRoute() {
  // The filters start from the URL and are written back to it, so a filtered directory can be
  // bookmarked and shared. State is the one source: read-modify-write of the URL from two
  // places (debounced text, chips) loses one of two quick changes.
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [category, setCategory] = useState<Category | undefined>(() => {
    const value = params.get('category');
    return isCategory(value) ? value : undefined;
  });
  const [mine, setMine] = useState(() => params.get('mine') === 'true');
  const [q] = useDebouncedValue(search.trim(), 250);

  // biome-ignore lint/correctness/useExhaustiveDependencies: setParams changes identity with the URL
  useEffect(() => setParams(filtersToParams(q, category, mine), { replace: true }), [q, category, mine]);

  const communities = useCommunities({ q: q || undefined, category, mine: mine || undefined });
  const items = communities.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(q || category || mine);

  const clearFilters = () => {
    setSearch('');
    setCategory(undefined);
    setMine(false);
  };

  return (
    <>
      <PageHeader
        title="Communities"
        description="Groups across teams that share a domain and learn from each other."
        actions={
          <Button component={Link} to="/communities/new" leftSection={<IconPlus size={16} aria-hidden />}>
            Start a community
          </Button>
        }
      />
      <Stack gap="lg">
        <CommunityFilters
          search={search}
          onSearchChange={setSearch}
          category={category}
          onCategoryChange={setCategory}
          mine={mine}
          onMineChange={setMine}
        />

        <section aria-labelledby="results-heading" aria-busy={communities.isFetching}>
          <VisuallyHidden>
            <h2 id="results-heading">Results</h2>
          </VisuallyHidden>
          {communities.isPending ? (
            <ListSkeleton rows={3} height={150} />
          ) : communities.isError ? (
            <ErrorState error={communities.error} title="Communities could not be loaded" onRetry={() => void communities.refetch()} />
          ) : items.length === 0 ? (
            filtered ? (
              <EmptyState
                icon={<IconSearchOff aria-hidden />}
                title="No communities match"
                description="Try other words, another category, or clear the filters."
                actions={
                  <Button variant="default" onClick={clearFilters}>
                    Clear filters
                  </Button>
                }
                testId="directory-empty"
              />
            ) : (
              <EmptyState
                icon={<IconUsersGroup aria-hidden />}
                title="No communities yet"
                description="Be the first: pick a topic people keep asking about and gather a few colleagues around it."
                actions={
                  <Button component={Link} to="/communities/new">
                    Start a community
                  </Button>
                }
                testId="directory-empty"
              />
            )
          ) : (
            <Stack gap="md">
              <Text size="sm" c="dimmed" role="status" data-testid="result-count">
                {communities.hasNextPage ? `Showing ${items.length}` : plural(items.length, 'community', 'communities')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {items.map((c) => (
                  <CommunityCard key={c.id} community={c} />
                ))}
              </SimpleGrid>
              {communities.hasNextPage && (
                <Center>
                  <Button variant="default" onClick={() => void communities.fetchNextPage()} loading={communities.isFetchingNextPage}>
                    Show more communities
                  </Button>
                </Center>
              )}
              {communities.isFetching && !communities.isFetchingNextPage && (
                <Center>
                  <Loader size="sm" role="status" aria-label="Updating results" />
                </Center>
              )}
            </Stack>
          )}
        </section>
      </Stack>
    </>
  );
}

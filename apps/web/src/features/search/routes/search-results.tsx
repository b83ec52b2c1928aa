import type { SearchKind } from '@guildhall/shared';
import { Button, Chip, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { type SearchFilters, useSearchResults } from '../api/search';
import { KIND_LABELS } from '../components/kind-labels';
import { SearchHitCard } from '../components/search-hit';

const KINDS = Object.keys(KIND_LABELS) as SearchKind[];
const FILTER_KEYS = ['kind', 'community', 'tag', 'from', 'to'] as const;

function SyntaxTips() {
  return (
    <List size="sm" spacing={4} c="dimmed">
      <List.Item>
        Every word must match: <code>tracing sampling</code>
      </List.Item>
      <List.Item>
        Quotes for an exact phrase: <code>"tail-based sampling"</code>
      </List.Item>
      <List.Item>
        A minus to leave a word out: <code>kafka -connect</code>
      </List.Item>
      <List.Item>
        OR for alternatives: <code>redis OR memcached</code>
      </List.Item>
    </List>
  );
}

/** /search?q=…&kind=…&community=…&tag=…&from=…&to=… — the URL is the state, so results can be shared. */
export function SearchResultsRoute() {
  const [params, setParams] = useSearchParams();
  const filters: SearchFilters = {
    q: params.get('q') ?? '',
    kind: (params.get('kind') as SearchKind | null) ?? undefined,
    community: params.get('community') ?? undefined,
    tag: params.get('tag') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const [draft, setDraft] = useState(filters.q);
  useEffect(() => setDraft(filters.q), [filters.q]);
  const results = useSearchResults(filters);
  const pages = results.data?.pages ?? [];
  const hits = pages.flatMap((p) => p.items);
  const first = pages[0];
  const activeFilters = FILTER_KEYS.filter((k) => params.get(k));

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() || undefined });
  };

  return (
    <>
      <PageHeader title="Search" documentTitle={filters.q ? `Search: ${filters.q}` : 'Search'} />
      <Stack gap="lg">
        <search>
          <form onSubmit={submit}>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TextInput
                type="search"
                label="Search threads, replies, pages, events, communities and people"
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                leftSection={<IconSearch size={16} aria-hidden />}
                style={{ flex: 1 }}
                maxLength={300}
              />
              <Button type="submit">Search</Button>
            </Group>
          </form>
        </search>

        {filters.q && (
          <Stack gap="xs" component="section" aria-labelledby="filters-heading">
            <Title order={2} size="h5" id="filters-heading">
              Filters
            </Title>
            <Chip.Group multiple={false} value={filters.kind ?? 'all'} onChange={(v) => update({ kind: v === 'all' ? undefined : v })}>
              <Group gap="xs" wrap="wrap">
                <Chip value="all" size="sm">
                  Everything
                </Chip>
                {KINDS.map((kind) => {
                  const count = first?.facets.kinds[kind];
                  return (
                    <Chip key={kind} value={kind} size="sm">
                      {KIND_LABELS[kind].many}
                      {count !== undefined && ` (${count}${first?.capped ? '+' : ''})`}
                    </Chip>
                  );
                })}
              </Group>
            </Chip.Group>
            <Group gap="sm" wrap="wrap" align="flex-end">
              <TextInput
                label="Tag"
                size="xs"
                defaultValue={filters.tag}
                key={`tag-${filters.tag}`}
                onBlur={(e) => update({ tag: e.currentTarget.value.trim() || undefined })}
                onKeyDown={(e) => e.key === 'Enter' && update({ tag: e.currentTarget.value.trim() || undefined })}
                w={140}
              />
              <TextInput
                label="From"
                type="date"
                size="xs"
                value={filters.from ?? ''}
                onChange={(e) => update({ from: e.currentTarget.value })}
              />
              <TextInput
                label="Until"
                type="date"
                size="xs"
                value={filters.to ?? ''}
                onChange={(e) => update({ to: e.currentTarget.value })}
              />
              {activeFilters.length > 0 && (
                <Button variant="subtle" size="xs" onClick={() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>
                  Clear filters
                </Button>
              )}
            </Group>
            {filters.community && (
              <Text size="sm">
                In community <strong>{filters.community}</strong> only.
              </Text>
            )}
          </Stack>
        )}

        {!filters.q ? (
          <EmptyState
            title="What are you looking for?"
            description={
              <Stack gap="xs" align="center">
                <Text size="sm">Someone may already have answered it. Press / anywhere to search.</Text>
                <SyntaxTips />
              </Stack>
            }
          />
        ) : results.isPending ? (
          <ListSkeleton rows={4} height={110} />
        ) : results.isError ? (
          <ErrorState error={results.error} title="The search did not run" onRetry={() => void results.refetch()} />
        ) : hits.length === 0 ? (
          <EmptyState
            title={`Nothing found for “${filters.q}”`}
            testId="search-no-results"
            description={
              <Stack gap="xs" align="center">
                <Text size="sm">
                  {activeFilters.length ? 'Try clearing the filters, or ' : 'Try '}
                  fewer or different words, or alternatives with OR. If nobody has asked yet, ask in a community.
                </Text>
                <SyntaxTips />
              </Stack>
            }
          />
        ) : (
          <Stack gap="sm" component="section" aria-label="Results">
            <Text size="sm" c="dimmed" aria-live="polite">
              {first?.capped ? `The most relevant of the newest matches for “${filters.q}”` : `Results for “${filters.q}”`}
            </Text>
            {hits.map((hit) => (
              <SearchHitCard key={`${hit.kind}:${hit.id}`} hit={hit} />
            ))}
            {results.hasNextPage && (
              <Button variant="default" onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage} mx="auto">
                More results
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}

import type { Occurrence, Page } from '@guildhall/shared';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys, type OccurrenceWindow } from './keys';

const DAY = 86_400_000;
/** A month view rarely holds a hundred sessions; a runaway rule still stops somewhere. */
const MAX_PAGES = 10;

export const getCommunityOccurrences = (slug: string, params: OccurrenceWindow, signal?: AbortSignal) =>
  api.get<Page<Occurrence>>(`/communities/${encodeURIComponent(slug)}/events`, params, signal);

/** Every session starting in the window (all pages): what a month grid shows. */
export async function getAllCommunityOccurrences(slug: string, from: string, to: string, signal?: AbortSignal) {
  const items: Occurrence[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await getCommunityOccurrences(slug, { from, to, cursor, limit: 100 }, signal);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** A month (or any window) of the community's calendar; the previous month stays on screen while the next loads. */
export const useCommunityOccurrencesIn = (slug: string, from: string, to: string) =>
  useQuery({
    queryKey: eventKeys.range(slug, from, to),
    queryFn: ({ signal }) => getAllCommunityOccurrences(slug, from, to, signal),
    placeholderData: keepPreviousData,
  });

/** The list view's upcoming sessions, a year ahead, page by page. */
export function useUpcomingOccurrences(slug: string) {
  return useInfiniteQuery({
    queryKey: eventKeys.list(slug, 'upcoming'),
    queryFn: ({ pageParam, signal }) => {
      const now = Date.now();
      // Sessions under way count as upcoming: people still join them.
      const from = new Date(now - DAY).toISOString();
      const to = new Date(now + 365 * DAY).toISOString();
      return getCommunityOccurrences(slug, { from, to, cursor: pageParam, limit: 20 }, signal);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((p) => p.items).filter((o) => new Date(o.endsAt).getTime() > Date.now()),
  });
}

/** The list view's past year, newest first. */
export const usePastOccurrences = (slug: string) =>
  useQuery({
    queryKey: eventKeys.list(slug, 'past'),
    queryFn: async ({ signal }) => {
      const now = Date.now();
      const all = await getAllCommunityOccurrences(slug, new Date(now - 365 * DAY).toISOString(), new Date(now).toISOString(), signal);
      return all.filter((o) => new Date(o.endsAt).getTime() <= now).reverse();
    },
  });

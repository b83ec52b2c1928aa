import type { Member, Page, ThreadSummary } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { eventKeys } from './keys';

/** Active members, to pick a presenter from (the first hundred; most communities are smaller). */
export const getActiveMembers = (slug: string, signal?: AbortSignal) =>
  api.get<Page<Member>>(`/communities/${encodeURIComponent(slug)}/members`, { status: 'active', limit: 100 }, signal);

export const useActiveMembers = (slug: string, enabled: boolean) =>
  useQuery({
    queryKey: eventKeys.members(slug),
    queryFn: ({ signal }) => getActiveMembers(slug, signal),
    select: (page) => page.items.map((m) => m.person),
    enabled,
  });

/** Recent discussion threads, to link a journal club's discussion. */
export const getDiscussions = (slug: string, signal?: AbortSignal) =>
  api.get<Page<ThreadSummary>>('/threads', { community: slug, kind: 'discussion', limit: 50 }, signal);

export const useDiscussions = (slug: string, enabled: boolean) =>
  useQuery({
    queryKey: eventKeys.discussions(slug),
    queryFn: ({ signal }) => getDiscussions(slug, signal),
    select: (page) => page.items,
    enabled,
  });

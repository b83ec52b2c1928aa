import type { AuditEntry, Page } from '@guildhall/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

const PAGE_SIZE = 25;

export const getAuditLog = (filter: { action?: string; cursor?: string }, signal?: AbortSignal) =>
  api.get<Page<AuditEntry>>('/audit', { action: filter.action, cursor: filter.cursor, limit: PAGE_SIZE }, signal);

export const auditKeys = {
  all: ['audit'] as const,
  log: (action: string | undefined) => [...auditKeys.all, 'log', action ?? ''] as const,
};

/**
 * The audit log, newest first, optionally one action only. `enabled` is false for non-admins:
 * the API would refuse them anyway, and the page says so without a failed request.
 */
export function useAuditLog(action: string | undefined, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: auditKeys.log(action),
    queryFn: ({ pageParam, signal }) => getAuditLog({ action, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

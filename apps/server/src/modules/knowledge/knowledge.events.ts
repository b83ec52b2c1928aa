import { KnowledgeEvents, type KnowledgeEventType } from '@guildhall/shared';
import type { z } from 'zod';
import type { DomainEvent } from '../../platform/realtime/bus.ts';

/** A live update whose data passes through its shared schema (KnowledgeEvents): ids and versions only. */
export function knowledgeEvent<T extends KnowledgeEventType>(
  type: T,
  communityId: string,
  data: z.input<(typeof KnowledgeEvents)[T]>,
  audience: string[] | null = null,
): DomainEvent {
  return { type, communityId, audience, data: KnowledgeEvents[type].parse(data) as Record<string, unknown> };
}

/** A page's events reach whoever may read it: everyone in the community, or a draft's owner alone. */
export const pageAudience = (page: { status: string; owner_id: string | null }): string[] | null =>
  page.status === 'published' ? null : page.owner_id ? [page.owner_id] : [];

import { EventEvents, type EventEventType } from '@guildhall/shared';
import type { z } from 'zod';
import type { DomainEvent } from '../../platform/realtime/bus.ts';

/**
 * Builds a live update whose data passes through its shared schema (EventEvents), which drops
 * every field the schema does not name: nothing viewer-specific or author-revealing rides along.
 */
export function liveEvent<T extends EventEventType>(
  type: T,
  communityId: string,
  data: z.input<(typeof EventEvents)[T]>,
  audience: string[] | null = null,
): DomainEvent {
  return { type, communityId, audience, data: EventEvents[type].parse(data) as Record<string, unknown> };
}

import { ConversationEvents, type ConversationEventType } from '@guildhall/shared';
import type { z } from 'zod';
import type { DomainEvent } from '../../platform/realtime/bus.ts';

/**
 * Builds an event whose data passes through its shared schema (ConversationEvents), which
 * drops every field the schema does not name: a viewer-specific or author-revealing field
 * cannot ride along. Payloads are the same for every reader, so they never carry the author
 * of an anonymous post; `audience` narrows an event to the listed people.
 */
export function event<T extends ConversationEventType>(
  type: T,
  communityId: string,
  data: z.input<(typeof ConversationEvents)[T]>,
  audience: string[] | null = null,
): DomainEvent {
  return { type, communityId, audience, data: ConversationEvents[type].parse(data) as Record<string, unknown> };
}

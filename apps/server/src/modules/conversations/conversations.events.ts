import { ConversationEvents, type ConversationEventType } from '@guildhall/shared';
import type { z } from 'zod';
import type { DomainEvent, EventBus } from '../../platform/realtime/bus.ts';

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

type Log = { warn: (obj: object, msg: string) => void };

/** Publishes a use case's events once its transaction has committed. */
export class EventSender {
  constructor(
    private readonly bus: Pick<EventBus, 'publish'>,
    private readonly log?: Log,
  ) {}

  /**
   * After the commit, so no reader hears of a write that rolled back. A lost live update is
   * not worth failing a committed write over: the next page load shows it.
   */
  async send(events: DomainEvent[]): Promise<void> {
    for (const e of events) {
      try {
        await this.bus.publish(e);
      } catch (error) {
        this.log?.warn({ err: error, event: e.type }, 'could not publish a conversation event');
      }
    }
  }
}

import { EventEvents, type EventEventType } from '@guildhall/shared';
import type { z } from 'zod';
import type { DomainEvent, EventBus } from '../../platform/realtime/bus.ts';

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

type Log = { warn: (obj: object, msg: string) => void };

/** Publishes a use case's live updates once its transaction has committed. */
export class Announcer {
  constructor(
    private readonly bus: Pick<EventBus, 'publish'>,
    private readonly log?: Log,
  ) {}

  /** A lost live update is not worth failing a committed write over: the next load shows it. */
  async send(events: DomainEvent[]): Promise<void> {
    for (const e of events) {
      try {
        await this.bus.publish(e);
      } catch (error) {
        this.log?.warn({ err: error, event: e.type }, 'could not publish an event update');
      }
    }
  }
}

import type { DomainEvent, EventBus } from './bus.ts';

type Log = { warn: (obj: object, msg: string) => void };

/** Publishes a use case's live updates once its transaction has committed. */
export class EventSender {
  constructor(
    private readonly bus: Pick<EventBus, 'publish'>,
    private readonly log?: Log,
  ) {}

  /**
   * Call after the commit, so no reader hears of a write that rolled back. A lost live update
   * is not worth failing a committed write over: the next page load shows it.
   */
  async send(events: DomainEvent[]): Promise<void> {
    for (const e of events) {
      try {
        await this.bus.publish(e);
      } catch (error) {
        this.log?.warn({ err: error, event: e.type }, 'could not publish a live update');
      }
    }
  }
}

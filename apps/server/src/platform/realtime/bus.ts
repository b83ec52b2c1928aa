import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/database.ts';
import { newId } from '../ids.ts';

/**
 * Domain events: how one room of the house tells the others (and live browsers) that
 * something happened, without calling them.
 *
 * PUBLISH AFTER COMMIT. A service publishes once its transaction has committed, never
 * inside it: on SQLite delivery is immediate and would announce a change that may still roll
 * back; on PostgreSQL a listener that reacts by reading would not yet see the change. If
 * publishing fails after a commit, the change stands and live clients catch up on reload.
 *
 * On SQLite the bus is in-process: one server owns the database file. On PostgreSQL every
 * instance LISTENs on one channel and publishing is a NOTIFY, so events written through any
 * instance reach the browsers connected to every other. The publisher hears its own events
 * only through NOTIFY as well, so every instance sees them in the same (commit) order.
 */
export type DomainEvent = {
  type: string;
  communityId: string | null;
  /**
   * When set, only these people receive the event, and still only if they may read the
   * community (e.g. an anonymous author's own id). null = everyone who can read the
   * community, or every signed-in person when communityId is null too.
   */
  audience?: string[] | null;
  data: Record<string, unknown>;
};

/** An event as subscribers receive it: with an id that is the same on every instance. */
export type PublishedEvent = DomainEvent & { id: string; audience: string[] | null };

export type EventHandler = (event: PublishedEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(handler: EventHandler): () => void;
  close(): Promise<void>;
}

/**
 * A membership of `data.personId` in the community changed (joined, invited, requested,
 * role or status changed, removed). Streams drop what they cached about that person's access.
 */
export const MEMBERSHIP_CHANGED = 'membership.changed';

/**
 * Delivered locally after the PostgreSQL listener reconnects: events published while it
 * was away are lost, so clients should refetch what they show.
 */
export const RESYNC = 'realtime.resync';

export const EVENTS_CHANNEL = 'guildhall_events';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7900;
const EVENT_TYPE = /^[a-z][a-z0-9_.-]{0,63}$/;

type BusLog = { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

export type EventBusOptions = {
  /** Needed on PostgreSQL: the listener holds its own connection, outside the pool. */
  databaseUrl?: string;
  log?: BusLog;
  /** Reconnection backoff of the PostgreSQL listener. */
  reconnect?: { minMs: number; maxMs: number };
};

export async function createEventBus(database: Database, options: EventBusOptions = {}): Promise<EventBus> {
  if (database.dialect === 'sqlite') return new LocalBus(options.log);
  if (!options.databaseUrl) throw new Error('The PostgreSQL event bus needs the database URL for its listener connection.');
  const bus = new PostgresBus(database, options.databaseUrl, options);
  await bus.start();
  return bus;
}

/** Serialises an event for the wire; too large, it keeps only its ids and says so. */
export function encodeEvent(event: DomainEvent, id = newId()): string {
  if (!EVENT_TYPE.test(event.type)) throw new Error(`Invalid event type "${event.type}"`);
  const envelope: PublishedEvent = {
    id,
    type: event.type,
    communityId: event.communityId,
    audience: event.audience ?? null,
    data: event.data,
  };
  let payload = JSON.stringify(envelope);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
    payload = JSON.stringify({ ...envelope, data: { ...idsOf(event.data), truncated: true } });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`Event ${event.type} is too large to publish, even as ids`);
  }
  return payload;
}

function idsOf(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).filter(
      (entry): entry is [string, string] => (entry[0] === 'id' || entry[0].endsWith('Id')) && typeof entry[1] === 'string',
    ),
  );
}

/** Parses a payload from the wire; anything malformed is ignored rather than trusted. */
export function decodeEvent(payload: string): PublishedEvent | undefined {
  try {
    const e = JSON.parse(payload) as Partial<PublishedEvent>;
    const audienceOk = e.audience === null || (Array.isArray(e.audience) && e.audience.every((p) => typeof p === 'string'));
    if (
      typeof e.id === 'string' &&
      typeof e.type === 'string' &&
      (e.communityId === null || typeof e.communityId === 'string') &&
      audienceOk &&
      typeof e.data === 'object' &&
      e.data !== null
    ) {
      return e as PublishedEvent;
    }
  } catch {
    // fall through
  }
  return undefined;
}

/** Fan-out shared by both buses: one failing subscriber never starves the others. */
class Subscribers {
  private readonly handlers = new Set<EventHandler>();
  constructor(private readonly log?: BusLog) {}

  add(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  deliver(event: PublishedEvent) {
    for (const handler of this.handlers) {
      try {
        handler(event);
      } catch (error) {
        this.log?.error({ err: error, event: event.type }, 'event subscriber failed');
      }
    }
  }

  clear() {
    this.handlers.clear();
  }
}

class LocalBus implements EventBus {
  private readonly subscribers: Subscribers;
  private closed = false;

  constructor(log?: BusLog) {
    this.subscribers = new Subscribers(log);
  }

  async publish(event: DomainEvent) {
    // The same encoding as on PostgreSQL: the same size rule, and subscribers get their own copy.
    const published = decodeEvent(encodeEvent(event));
    // Asynchronous like NOTIFY, so no publisher comes to rely on synchronous delivery.
    if (published && !this.closed) queueMicrotask(() => this.subscribers.deliver(published));
  }

  subscribe(handler: EventHandler) {
    return this.subscribers.add(handler);
  }

  async close() {
    this.closed = true;
    this.subscribers.clear();
  }
}

class PostgresBus implements EventBus {
  private readonly subscribers: Subscribers;
  private listener: pg.Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly url: string,
    private readonly options: EventBusOptions,
  ) {
    this.subscribers = new Subscribers(options.log);
  }

  async start() {
    this.listener = await this.listen();
  }

  async publish(event: DomainEvent) {
    try {
      await sql`select pg_notify(${EVENTS_CHANNEL}, ${encodeEvent(event)})`.execute(this.database.db);
    } catch (error) {
      this.options.log?.error({ err: error, event: event.type }, 'could not publish an event');
      throw error;
    }
  }

  subscribe(handler: EventHandler) {
    return this.subscribers.add(handler);
  }

  async close() {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.subscribers.clear();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => {});
  }

  private async listen(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: 'guildhall-events' });
    // A dropped connection emits 'error' then 'end'; the 'end' handler does the recovering.
    client.on('error', (error) => this.options.log?.warn({ err: error }, 'event listener connection error'));
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const event = decodeEvent(message.payload);
      if (event) this.subscribers.deliver(event);
    });
    try {
      await client.connect();
      await client.query(`listen ${EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    client.once('end', () => this.lost(client));
    return client;
  }

  private lost(client: pg.Client) {
    if (this.closed || this.listener !== client) return;
    this.listener = undefined;
    this.options.log?.warn({}, 'event listener disconnected; reconnecting');
    this.retry(0);
  }

  private retry(attempt: number) {
    const { minMs, maxMs } = this.options.reconnect ?? { minMs: 200, maxMs: 10_000 };
    // Jitter keeps a fleet of instances from reconnecting in lockstep after a database restart.
    const delay = Math.min(maxMs, minMs * 2 ** attempt) * (0.5 + Math.random() / 2);
    this.retryTimer = setTimeout(async () => {
      try {
        const client = await this.listen();
        if (this.closed) {
          await client.end().catch(() => {});
          return;
        }
        this.listener = client;
        this.subscribers.deliver({ id: newId(), type: RESYNC, communityId: null, audience: null, data: {} });
      } catch (error) {
        if (this.closed) return;
        this.options.log?.warn({ err: error, attempt }, 'event listener could not reconnect; retrying');
        this.retry(attempt + 1);
      }
    }, delay);
    this.retryTimer.unref();
  }
}

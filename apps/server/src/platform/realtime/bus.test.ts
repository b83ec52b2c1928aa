import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, dialectUnderTest, type TestApp } from '../../../test/harness.ts';
import { createEventBus, type EventBus, type PublishedEvent, RESYNC } from './bus.ts';

let t: TestApp;
const buses: EventBus[] = [];

beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
  await t.close();
});

async function newBus(reconnect?: { minMs: number; maxMs: number }) {
  const bus = await createEventBus(t.database, { databaseUrl: t.config.DATABASE_URL, ...(reconnect && { reconnect }) });
  buses.push(bus);
  return bus;
}

/** Collects what a bus delivers, and waits for what has not arrived yet. */
function collect(bus: EventBus) {
  const received: PublishedEvent[] = [];
  bus.subscribe((event) => received.push(event));
  const until = async (done: () => boolean, timeoutMs = 3_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(received.map((e) => e.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { received, until };
}

describe(`the event bus (${dialectUnderTest})`, () => {
  it('delivers a published event to subscribers, with an id', async () => {
    const bus = await newBus();
    const a = collect(bus);
    const b = collect(bus);
    await bus.publish({ type: 'post.created', communityId: 'c1', data: { postId: 'p1' } });
    await a.until(() => a.received.length === 1);
    await b.until(() => b.received.length === 1);
    expect(a.received[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'post.created',
      communityId: 'c1',
      audience: null,
      data: { postId: 'p1' },
    });
    expect(b.received[0]?.id).toBe(a.received[0]?.id);
  });

  it('keeps the order of publication', async () => {
    const bus = await newBus();
    const { received, until } = collect(bus);
    for (let i = 0; i < 30; i++) await bus.publish({ type: 'tick', communityId: null, data: { i } });
    await until(() => received.length === 30);
    expect(received.map((e) => e.data.i)).toEqual([...Array(30).keys()]);
  });

  it('stops delivering after unsubscribe, and survives a failing subscriber', async () => {
    const bus = await newBus();
    const stop = bus.subscribe(() => {
      throw new Error('a broken subscriber');
    });
    const { received, until } = collect(bus);
    const late: PublishedEvent[] = [];
    const unsubscribe = bus.subscribe((e) => late.push(e));
    unsubscribe();
    await bus.publish({ type: 'one', communityId: null, data: {} });
    await until(() => received.length === 1);
    stop();
    expect(late).toEqual([]);
  });

  it('publishes an oversized event as its ids, marked truncated', async () => {
    const bus = await newBus();
    const { received, until } = collect(bus);
    await bus.publish({
      type: 'post.created',
      communityId: 'c1',
      audience: ['p9'],
      data: { postId: 'p1', threadId: 't1', body: 'x'.repeat(10_000), n: 3 },
    });
    await until(() => received.length === 1);
    expect(received[0]).toMatchObject({ communityId: 'c1', audience: ['p9'], data: { postId: 'p1', threadId: 't1', truncated: true } });
    expect(Object.keys(received[0]?.data ?? {}).sort()).toEqual(['postId', 'threadId', 'truncated']);
  });

  it('refuses an event type that could break the stream format', async () => {
    const bus = await newBus();
    await expect(bus.publish({ type: 'evil\ndata: x', communityId: null, data: {} })).rejects.toThrow(/Invalid event type/);
  });

  it.skipIf(dialectUnderTest !== 'postgres')('connects two buses on one database through LISTEN/NOTIFY', async () => {
    const a = await newBus();
    const b = await newBus();
    const onA = collect(a);
    const onB = collect(b);
    await a.publish({ type: 'from.a', communityId: null, data: {} });
    await b.publish({ type: 'from.b', communityId: null, data: {} });
    await onA.until(() => onA.received.length === 2);
    await onB.until(() => onB.received.length === 2);
    // Both instances, the publisher included, hear the events in the same order.
    expect(onA.received.map((e) => e.type)).toEqual(['from.a', 'from.b']);
    expect(onB.received.map((e) => e.id)).toEqual(onA.received.map((e) => e.id));
  });

  it.skipIf(dialectUnderTest !== 'postgres')('reconnects its listener when the connection drops, and says so', async () => {
    const bus = await newBus({ minMs: 20, maxMs: 200 });
    const { received, until } = collect(bus);
    const killed = await sql<{ ok: boolean }>`
      select pg_terminate_backend(pid) as ok from pg_stat_activity
      where datname = current_database() and application_name = 'guildhall-events'`.execute(t.database.db);
    // The test app's own bus listens on this database too; both lose their connection.
    expect(killed.rows.length).toBeGreaterThanOrEqual(1);
    await until(() => received.some((e) => e.type === RESYNC), 5_000);
    await bus.publish({ type: 'after.reconnect', communityId: null, data: {} });
    await until(() => received.some((e) => e.type === 'after.reconnect'));
  });
});

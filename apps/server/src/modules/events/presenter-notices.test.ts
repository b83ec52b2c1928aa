import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { SseTestClient } from '../../platform/realtime/sse-test-client.ts';
import { join } from '../conversations/test-helpers.ts';
import { createEvent, occurrenceUrl } from './test-helpers.ts';

let t: TestApp;
let fran: Client;
let ana: Client;
let ben: Client;
let cy: Client;
let slug: string;
let base: string;

beforeEach(async () => {
  t = await createTestApp();
  fran = await signUp(t.app, 'Fran');
  ana = await signUp(t.app, 'Ana');
  ben = await signUp(t.app, 'Ben');
  cy = await signUp(t.app, 'Cy');
  slug = (await createCommunity(fran)).slug;
  for (const c of [ana, ben, cy]) await join(c, slug);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(() => t.close());

const listen = async (c: Client) => {
  const stream = new SseTestClient(`${base}/api/v1/stream`, { cookie: c.cookie });
  await stream.ready;
  return stream;
};
const NOTICES = ['talk_idea.scheduled', 'agenda_slot.presenter_assigned'];
const noticesIn = (stream: SseTestClient) =>
  stream.events.filter((m) => NOTICES.includes(m.event)).map((m) => ({ type: m.event, ...JSON.parse(m.data) }));
/**
 * A notice goes out just before the write's occurrence.changed, and a stream keeps the order: once
 * every stream has its nth occurrence.changed, a notice it did not get is a notice it never gets.
 */
const settled = (streams: SseTestClient[], nth: number) =>
  Promise.all(
    streams.map(async (s) => {
      const deadline = Date.now() + 3_000;
      while (s.events.filter((m) => m.event === 'occurrence.changed').length < nth) {
        if (Date.now() > deadline) throw new Error(`no occurrence.changed #${nth}; got: ${s.events.map((m) => m.event).join(', ')}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    }),
  );

describe('presenters hear that they are on an agenda, and nobody else does', () => {
  it('tells the presenter of a talk idea a facilitator schedules', async () => {
    const e = await createEvent(fran, slug, { format: 'demo-day' });
    const idea = (await ana.request('POST', `/api/v1/communities/${slug}/talk-ideas`, { kind: 'demo', title: 'Tracing' })).json();
    const streams = await Promise.all([listen(ana), listen(ben), listen(fran)]);
    const [anaHears, benHears, franHears] = streams;
    const res = await fran.request('POST', `/api/v1/talk-ideas/${idea.id}/schedule`, { eventId: e.id, occurrenceKey: e.start });
    expect(res.statusCode, res.body).toBe(200);
    await settled(streams, 1);
    const slotId = res.json().scheduled.slotId;
    expect(noticesIn(anaHears)).toEqual([{ type: 'talk_idea.scheduled', talkIdeaId: idea.id, eventId: e.id, key: e.start, slotId }]);
    expect(noticesIn(benHears)).toEqual([]);
    expect(noticesIn(franHears)).toEqual([]);
  });

  it('tells the person named on a new slot, and a newly named presenter when a slot changes hands', async () => {
    const e = await createEvent(fran, slug, { format: 'demo-day' });
    const streams = await Promise.all([listen(ana), listen(ben), listen(cy), listen(fran)]);
    const [anaHears, benHears, cyHears, franHears] = streams;

    const added = await fran.request('POST', occurrenceUrl(e.id, e.start, '/agenda'), { title: 'Lightning demo', presenterId: ben.id });
    expect(added.statusCode, added.body).toBe(201);
    const slotId = added.json()[0].id as string;
    await settled(streams, 1);
    const toBen = { type: 'agenda_slot.presenter_assigned', eventId: e.id, key: e.start, slotId };
    expect(noticesIn(benHears)).toEqual([toBen]);

    // Retitling, or naming the same presenter again, is not news to them.
    const retitled = await fran.request('PATCH', `/api/v1/agenda-slots/${slotId}`, { title: 'Lightning demos', presenterId: ben.id });
    expect(retitled.statusCode, retitled.body).toBe(200);
    await settled(streams, 2);
    expect(noticesIn(benHears)).toEqual([toBen]);

    const handedOver = await fran.request('PATCH', `/api/v1/agenda-slots/${slotId}`, { presenterId: cy.id });
    expect(handedOver.statusCode, handedOver.body).toBe(200);
    await settled(streams, 3);
    expect(noticesIn(cyHears)).toEqual([toBen]);
    expect(noticesIn(benHears)).toEqual([toBen]);

    // A slot without a presenter tells nobody.
    await fran.request('POST', occurrenceUrl(e.id, e.start, '/agenda'), { title: 'Break' });
    await settled(streams, 4);
    expect(noticesIn(anaHears)).toEqual([]);
    expect(noticesIn(franHears)).toEqual([]);
    expect(noticesIn(cyHears)).toHaveLength(1);
  });

  it("keeps a private community's notice from a presenter who cannot read it", async () => {
    const hidden = (await createCommunity(fran, { visibility: 'private' })).slug;
    const e = await createEvent(fran, hidden);
    const streams = await Promise.all([listen(ana), listen(fran)]);
    const added = await fran.request('POST', occurrenceUrl(e.id, e.start, '/agenda'), { title: 'Guest talk', presenterId: ana.id });
    expect(added.statusCode, added.body).toBe(201);
    // Ana, not a member, gets neither the notice nor the occurrence change; one open-community change later, still nothing.
    await settled(streams.slice(1), 1);
    const open = await createEvent(fran, slug);
    await fran.request('POST', occurrenceUrl(open.id, open.start, '/agenda'), { title: 'Open talk' });
    await settled(streams, 1);
    const anaHears = streams[0] as SseTestClient;
    expect(anaHears.events.filter((m) => m.data.includes(e.id))).toEqual([]);
    expect(noticesIn(anaHears)).toEqual([]);
  });
});

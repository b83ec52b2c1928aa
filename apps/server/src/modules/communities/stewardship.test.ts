import { SAFE_SPACE_NORMS } from '@guildhall/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { join, reply, startThread } from '../conversations/test-helpers.ts';
import { person } from '../proposals/test-helpers.ts';

let t: TestApp;
let admin: Client;
let fran: Client;
let mo: Client;
let slug: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  fran = await person(t.app, admin, 'Fran Facilitator', { team: 'Platform', seniority: 'senior' });
  mo = await person(t.app, admin, 'Mo Member', { team: 'Payments', seniority: 'junior' });
  slug = (await createCommunity(fran, { domain: 'Making our services observable.' })).slug;
  await join(mo, slug);
});
afterEach(() => t.close());

describe('charter', () => {
  it('starts from the safe-space norms and keeps revisions with a version', async () => {
    const first = (await mo.request('GET', `/api/v1/communities/${slug}/charter`)).json();
    expect(first).toMatchObject({ version: 1, purpose: 'Making our services observable.', norms: SAFE_SPACE_NORMS, canEdit: false });
    for (const line of [
      'Questions are welcome',
      'Mistakes are discussed blamelessly',
      'Challenge ideas, not people',
      'Share what you learn',
    ]) {
      expect(first.normsHtml).toContain(line);
    }

    const saved = await fran.request('PUT', `/api/v1/communities/${slug}/charter`, {
      version: 1,
      scopeIn: 'Metrics, logs, traces',
      scopeOut: 'Vendor selection',
      quarter: '2026-Q3',
      goals: '- One dashboard per team',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      scopeIn: 'Metrics, logs, traces',
      quarter: '2026-Q3',
      norms: SAFE_SPACE_NORMS,
      canEdit: true,
    });
    expect(saved.json().goalsHtml).toContain('<li>One dashboard per team</li>');
    expect(saved.json().updatedBy).toMatchObject({ id: fran.id });

    const stale = await fran.request('PUT', `/api/v1/communities/${slug}/charter`, { version: 1, goals: 'Overwrite' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('charter.version_conflict');
    expect((await mo.request('PUT', `/api/v1/communities/${slug}/charter`, { version: 2, goals: 'Mine' })).statusCode).toBe(403);

    const revisions = (await mo.request('GET', `/api/v1/communities/${slug}/charter/revisions?limit=1`)).json();
    expect(revisions.items).toMatchObject([{ version: 2, goals: '- One dashboard per team' }]);
    const older = (await mo.request('GET', `/api/v1/communities/${slug}/charter/revisions?limit=1&cursor=${revisions.nextCursor}`)).json();
    expect(older).toMatchObject({ items: [{ version: 1, goals: '' }], nextCursor: null });
    const badQuarter = await fran.request('PUT', `/api/v1/communities/${slug}/charter`, { version: 2, quarter: 'next quarter' });
    expect(badQuarter.json().errors[0].field).toBe('quarter');
  });

  it('shows the template at version 0 for a community created outside the API, and saves from there', async () => {
    await t.database.db.deleteFrom('charter_revision').execute();
    await t.database.db.deleteFrom('charter').execute();
    const template = (await fran.request('GET', `/api/v1/communities/${slug}/charter`)).json();
    expect(template).toMatchObject({ version: 0, norms: SAFE_SPACE_NORMS, updatedAt: null });
    const saved = await fran.request('PUT', `/api/v1/communities/${slug}/charter`, { version: 0, goals: 'Start' });
    expect(saved.json()).toMatchObject({ version: 1, goals: 'Start', norms: SAFE_SPACE_NORMS });
  });
});

describe('lifecycle', () => {
  const move = (client: Client, body: object) => client.request('POST', `/api/v1/communities/${slug}/lifecycle`, body);

  it('moves forward freely, backward only with a note, and keeps the history', async () => {
    expect((await move(mo, { stage: 'maturing' })).statusCode).toBe(403);
    expect((await move(fran, { stage: 'maturing' })).json().stage).toBe('maturing');
    expect((await move(fran, { stage: 'stewardship' })).json().stage).toBe('stewardship');
    const noNote = await move(fran, { stage: 'maturing' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ code: 'stage.note_required', errors: [{ field: 'note' }] });
    expect((await fran.request('GET', `/api/v1/communities/${slug}`)).json().stage).toBe('stewardship');
    const back = await move(fran, { stage: 'maturing', note: 'The core group changed; we are re-forming.' });
    expect(back.statusCode).toBe(200);
    expect(back.json().history.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'coalescing>maturing',
      'maturing>stewardship',
      'stewardship>maturing',
    ]);
    expect(back.json().history[2]).toMatchObject({ note: 'The core group changed; we are re-forming.', by: { id: fran.id } });
    expect((await move(fran, { stage: 'maturing' })).json().code).toBe('stage.unchanged');
    expect((await move(fran, { stage: 'potential' })).statusCode).toBe(400);
  });

  it('closes a community read-only, pointing to its successor, yet readable and listed', async () => {
    const thread = await startThread(mo, slug);
    const successor = (await createCommunity(fran, { name: 'Observability guild' })).slug;
    const hidden = (await createCommunity(admin, { visibility: 'private' })).slug;
    expect((await move(fran, { stage: 'maturing', successorSlug: successor })).json().code).toBe('stage.invalid_successor');
    expect((await move(fran, { stage: 'archived', successorSlug: hidden })).json().code).toBe('stage.invalid_successor');
    expect((await move(fran, { stage: 'archived', successorSlug: slug })).json().code).toBe('stage.invalid_successor');

    const closed = await move(fran, { stage: 'archived', successorSlug: successor });
    expect(closed.json()).toMatchObject({ stage: 'archived', successor: { slug: successor, name: 'Observability guild' } });

    const archived = (code: { statusCode: number; json: () => { code: string } }) => {
      expect(code.statusCode).toBe(409);
      expect(code.json().code).toBe('community.archived');
    };
    const community = (await fran.request('GET', `/api/v1/communities/${slug}`)).json();
    archived(await fran.request('PATCH', `/api/v1/communities/${slug}`, { version: community.version, name: 'Renamed' }));
    archived(await fran.request('PUT', `/api/v1/communities/${slug}/charter`, { version: 1, goals: 'More' }));
    archived(await mo.request('POST', `/api/v1/communities/${slug}/threads`, { kind: 'discussion', title: 'Hello?', body: 'Anyone?' }));
    archived(await mo.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: 'Still here' }));
    archived(await mo.request('PUT', `/api/v1/posts/${thread.firstPost.id}/reactions/heart`));
    archived(await admin.request('POST', `/api/v1/communities/${slug}/members`, {}));

    // Still readable and found in the directory.
    expect((await mo.request('GET', `/api/v1/threads/${thread.id}`)).statusCode).toBe(200);
    const listed = await mo.request('GET', `/api/v1/communities?q=${slug}`);
    expect(listed.json().items).toMatchObject([{ slug, stage: 'archived' }]);

    // Reopening is a move backwards: it needs a note.
    expect((await move(fran, { stage: 'maturing' })).json().code).toBe('stage.note_required');
    expect((await move(fran, { stage: 'maturing', note: 'Reopened for the migration project.' })).json()).toMatchObject({
      stage: 'maturing',
      successor: null,
    });
    expect((await mo.request('POST', `/api/v1/threads/${thread.id}/posts`, { body: 'Back!' })).statusCode).toBe(201);
  });
});

describe('core-group health', () => {
  it('measures the core group and suggests a junior who answers questions; anonymous posts never count', async () => {
    const sam = await person(t.app, admin, 'Sam Senior', { team: 'Platform', seniority: 'staff+' });
    const jo = await person(t.app, admin, 'Jo Junior', { team: 'Payments', seniority: 'junior' });
    const shy = await person(t.app, admin, 'Shy Asker', { team: 'Payments', seniority: 'mid' });
    for (const c of [sam, jo, shy]) await join(c, slug);
    await fran.request('PATCH', `/api/v1/communities/${slug}/members/${sam.id}`, { role: 'core' });

    const question = await startThread(mo, slug, { kind: 'question', title: 'How do we trace queues?', tags: ['tracing'] });
    const answer = await reply(jo, question.id, { body: 'Propagate the context in the headers.' });
    await mo.request('POST', `/api/v1/threads/${question.id}/accept`, { postId: answer.id });
    await startThread(shy, slug, { kind: 'question', title: 'Secret worry', anonymous: true });
    await reply(fran, question.id, { body: 'Also see our tracing guide.' });

    const res = await fran.request('GET', `/api/v1/communities/${slug}/core-health`);
    expect(res.statusCode, res.body).toBe(200);
    const health = res.json();
    expect(health).toMatchObject({ size: 2, sizeStatus: 'too-small', guidance: { min: 5, max: 10 }, activeLast30Days: 1 });
    expect(
      health.core.map((c: { person: { name: string }; lastActiveAt: string | null }) => [c.person.name, c.lastActiveAt !== null]),
    ).toEqual([
      ['Fran Facilitator', true],
      ['Sam Senior', false],
    ]);
    const codes = health.suggestions.map((s: { code: string }) => s.code);
    // One of two core members took part lately: half is enough not to nag.
    expect(codes).toEqual(['core.too_small', 'core.one_team', 'core.all_senior']);
    expect(health.suggestions[2].message).toBe(
      'All core members are senior: invite a junior member who has been answering questions, such as Jo Junior.',
    );
    expect(health.candidates[0]).toMatchObject({ person: { name: 'Jo Junior' }, acceptedAnswers: 1, answers: 1 });
    // The anonymous asker is nowhere: not a candidate, not counted.
    expect(res.body).not.toContain(shy.id);
    expect((await mo.request('GET', `/api/v1/communities/${slug}/core-health`)).statusCode).toBe(403);
  });
});

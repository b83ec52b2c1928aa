import type { DiffSegment, PageConflictProblem, PageDiff, PageRevisionSummary } from '@guildhall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { join } from '../conversations/test-helpers.ts';
import { createPage, getPage, savePage } from './test-helpers.ts';
import { textDiff } from './text-diff.ts';

let t: TestApp;
let ana: Client;
let ben: Client;
let slug: string;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t.app, 'Ana Author');
  ben = await signUp(t.app, 'Ben Editor');
  slug = (await createCommunity(ana)).slug;
  await join(ben, slug);
});
afterAll(() => t.close());

const text = (segments: DiffSegment[], keep: 'insert' | 'delete') =>
  segments
    .filter((s) => s.type === 'equal' || s.type === keep)
    .map((s) => s.text)
    .join('');

describe(`revisions on ${dialectUnderTest}`, () => {
  it('lists every save with author, time and note, and shows any one in full', async () => {
    const page = await createPage(ana, slug, { title: 'Retro format', bodySource: 'First.', summary: 'Started it' });
    const v2 = await savePage(ben, page, { bodySource: 'Second.', summary: 'Tightened' });
    await savePage(ana, v2, { title: 'Retro formats', bodySource: 'Third, with [[Missing page]].' });
    const res = await ben.request('GET', `/api/v1/pages/${page.id}/revisions`);
    const items: PageRevisionSummary[] = res.json().items;
    expect(items.map((r) => [r.version, r.title, r.summary, r.author?.name, r.bytes])).toEqual([
      [3, 'Retro formats', null, 'Ana Author', 29],
      [2, 'Retro format', 'Tightened', 'Ben Editor', 7],
      [1, 'Retro format', 'Started it', 'Ana Author', 6],
    ]);
    const paged = await ben.request('GET', `/api/v1/pages/${page.id}/revisions?limit=2`);
    const rest = await ben.request('GET', `/api/v1/pages/${page.id}/revisions?limit=2&cursor=${paged.json().nextCursor}`);
    expect(rest.json().items.map((r: PageRevisionSummary) => r.version)).toEqual([1]);
    const one = await ben.request('GET', `/api/v1/pages/${page.id}/revisions/3`);
    expect(one.json()).toMatchObject({ version: 3, bodySource: 'Third, with [[Missing page]].' });
    expect(one.json().bodyHtml).toContain('class="wikilink-missing"');
    expect((await ben.request('GET', `/api/v1/pages/${page.id}/revisions/9`)).json().code).toBe('revision.not_found');
  });

  it('diffs any two revisions word by word, inline', async () => {
    const page = await createPage(ana, slug, {
      title: 'Release train',
      bodySource: 'We ship every Tuesday.\nQA signs off.\nKeep notes.\n',
    });
    const v2 = await savePage(ben, page, { bodySource: 'We ship every Thursday at noon.\nQA signs off.\nKeep short notes.\n' });
    const res = await ana.request('GET', `/api/v1/pages/${page.id}/diff?from=1&to=${v2.version}`);
    expect(res.statusCode).toBe(200);
    const diff: PageDiff = res.json();
    expect(diff).toMatchObject({ from: 1, to: 2, title: { changed: false, inserted: 0, deleted: 0 } });
    expect(diff.body.changed).toBe(true);
    expect(diff.body.segments).toEqual([
      { type: 'equal', text: 'We ship every ' },
      { type: 'delete', text: 'Tuesday' },
      { type: 'insert', text: 'Thursday at noon' },
      { type: 'equal', text: '.\nQA signs off.\nKeep ' },
      { type: 'insert', text: 'short ' },
      { type: 'equal', text: 'notes.\n' },
    ]);
    expect(diff.body).toMatchObject({ inserted: 4, deleted: 1 });
    // Backwards works too: the same change, undone.
    const back: PageDiff = (await ana.request('GET', `/api/v1/pages/${page.id}/diff?from=2&to=1`)).json();
    expect(text(back.body.segments, 'insert')).toBe(page.bodySource);
    expect((await ana.request('GET', `/api/v1/pages/${page.id}/diff?from=1&to=7`)).json().code).toBe('revision.not_found');
    expect((await ana.request('GET', `/api/v1/pages/${page.id}/diff?from=one&to=2`)).json().code).toBe('validation.failed');
  });

  it('restores an old revision as a new one, losing nothing', async () => {
    const page = await createPage(ana, slug, { title: 'Pairing guide', bodySource: 'Original words.' });
    const v2 = await savePage(ben, page, { title: 'Pairing', bodySource: 'Vandalised.' });
    const restored = await ana.request('POST', `/api/v1/pages/${page.id}/revisions/1/restore`, { version: v2.version });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ version: 3, title: 'Pairing guide', bodySource: 'Original words.' });
    const history = (await ana.request('GET', `/api/v1/pages/${page.id}/revisions`)).json().items as PageRevisionSummary[];
    expect(history.map((r) => [r.version, r.summary])).toEqual([
      [3, 'Restored version 1'],
      [2, null],
      [1, null],
    ]);
    const stale = await ana.request('POST', `/api/v1/pages/${page.id}/revisions/2/restore`, { version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('page.version_conflict');
  });

  it('answers a save over a newer revision with the current text, who wrote it and what changed', async () => {
    const page = await createPage(ana, slug, { title: 'Incident roles', bodySource: 'The commander decides.\n' });
    // Two tabs open version 1; Ben saves first.
    await savePage(ben, page, { bodySource: 'The incident commander decides.\n', summary: 'Clarified' });
    const mine = 'The commander decides, scribe writes.\n';
    const res = await ana.request('PUT', `/api/v1/pages/${page.id}`, { version: 1, title: page.title, bodySource: mine });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem: PageConflictProblem = res.json();
    expect(problem).toMatchObject({
      code: 'page.version_conflict',
      current: { version: 2, title: 'Incident roles', bodySource: 'The incident commander decides.\n', summary: 'Clarified' },
    });
    expect(problem.current?.updatedBy?.name).toBe('Ben Editor');
    expect(problem.changes?.body.segments).toContainEqual({ type: 'insert', text: 'incident ' });
    expect(problem.changes).toMatchObject({ from: 1, to: 2 });
    // Nothing was written: the page is still Ben's version, and saving against it works.
    expect((await getPage(ana, page.id)).bodySource).toBe('The incident commander decides.\n');
    const merged = await ana.request('PUT', `/api/v1/pages/${page.id}`, { version: 2, title: page.title, bodySource: mine });
    expect(merged.json().version).toBe(3);
  });
});

describe('text diff', () => {
  it('reads back as the old text and as the new one', () => {
    const before = 'alpha beta\ngamma delta\n\nepsilon\n';
    const after = 'alpha beta\ngamma DELTA zeta\nnew line\n\nepsilon\n';
    const diff = textDiff(before, after);
    expect(text(diff.segments, 'delete')).toBe(before);
    expect(text(diff.segments, 'insert')).toBe(after);
    expect(textDiff('same', 'same')).toEqual({ changed: false, segments: [{ type: 'equal', text: 'same' }], inserted: 0, deleted: 0 });
  });

  it('stays fast and exact on a 1 MiB page with scattered edits', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Line ${i} of a long page with several words.`);
    const before = `${lines.join('\n')}\n`;
    const changed = lines.map((l, i) => (i % 997 === 0 ? l.replace('several', 'a few') : l));
    const after = `${changed.join('\n')}\nThe end.\n`;
    const started = performance.now();
    const diff = textDiff(before, after);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(text(diff.segments, 'delete')).toBe(before);
    expect(text(diff.segments, 'insert')).toBe(after);
    expect(diff.deleted).toBe(21);
  });
});

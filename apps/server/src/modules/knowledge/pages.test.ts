import type { KnowledgePage, PageSummary, PageTreeNode } from '@guildhall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { join } from '../conversations/test-helpers.ts';
import { reviewDateFor, today } from './naming.ts';
import { createPage, getPage, savePage } from './test-helpers.ts';

let t: TestApp;
let admin: Client;
let fran: Client;
let ana: Client;
let ben: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Org Admin');
  fran = await signUp(t.app, 'Fran Facilitator');
  ana = await signUp(t.app, 'Ana Member');
  ben = await signUp(t.app, 'Ben Member');
});
afterAll(() => t.close());

/** A community Fran facilitates, with Ana and Ben as members. */
async function community(overrides: Record<string, unknown> = {}) {
  const { slug, id } = await createCommunity(fran, overrides);
  await join(ana, slug);
  await join(ben, slug);
  return { slug, id };
}

const titles = (items: { title: string }[]) => items.map((p) => p.title);

describe(`pages on ${dialectUnderTest}`, () => {
  it('creates, reads, lists and saves a page, each save a revision', async () => {
    const { slug } = await community();
    const page = await createPage(ana, slug, {
      title: 'Deploy checklist',
      kind: 'how-to',
      bodySource: '# Deploy\n\n## Before you start\n\nCheck.\n\n## Before you start\n\nTwice.',
      tags: ['ops', 'ops', 'release'],
    });
    expect(page).toMatchObject({ title: 'Deploy checklist', kind: 'how-to', status: 'published', version: 1, tags: ['ops', 'release'] });
    expect(page).toMatchObject({
      isStale: false,
      parentId: null,
      ancestors: [],
      children: [],
      origin: null,
      canEdit: true,
      canManage: true,
    });
    expect(page.owner?.name).toBe('Ana Member');
    expect(page.community.slug).toBe(slug);
    expect(page.toc).toEqual([
      { level: 1, id: 'h-deploy', text: 'Deploy' },
      { level: 2, id: 'h-before-you-start', text: 'Before you start' },
      { level: 2, id: 'h-before-you-start-2', text: 'Before you start' },
    ]);
    expect(page.bodyHtml).toContain('<h2 id="h-before-you-start-2">Before you start</h2>');

    const saved = await savePage(ben, page, { bodySource: 'New *text*', summary: 'Rewrote' });
    expect(saved).toMatchObject({ version: 2, bodySource: 'New *text*', bodyHtml: '<p>New <em>text</em></p>\n', toc: [] });
    expect(saved.updatedBy?.name).toBe('Ben Member');
    expect(saved.owner?.name).toBe('Ana Member');
    // A member may edit, but not curate: owner change and deletion are the owner's and facilitators'.
    expect(saved).toMatchObject({ canEdit: true, canManage: false });
    expect((await getPage(ben, page.id)).canManage).toBe(false);

    const list = await ben.request('GET', `/api/v1/communities/${slug}/pages`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: page.id, title: 'Deploy checklist', version: 2, tags: ['ops', 'release'] }),
    ]);
  });

  it('names the field of every invalid input with a stable code', async () => {
    const { slug } = await community();
    const post = (body: object) => ana.request('POST', `/api/v1/communities/${slug}/pages`, body);
    const missing = await post({ kind: 'guide' });
    expect(missing.json()).toMatchObject({ status: 400, code: 'validation.failed', errors: [expect.objectContaining({ field: 'title' })] });
    const bracket = await post({ title: 'See [[other]]', kind: 'guide' });
    expect(bracket.json().errors).toEqual([expect.objectContaining({ field: 'title', message: expect.stringContaining('[') })]);
    expect((await post({ title: 'Fine', kind: 'poem' })).json().errors[0].field).toBe('kind');
    expect((await post({ title: 'Fine', kind: 'guide', reviewBy: 'next year' })).json().errors[0].field).toBe('reviewBy');
    expect((await post({ title: 'Fine', kind: 'guide', owner: 'me' })).json().errors[0]).toMatchObject({
      field: 'owner',
      message: 'Unknown field',
    });

    // 1 MiB of UTF-8, counted in bytes: 400 000 three-byte characters are too many.
    const big = await post({ title: 'Big', kind: 'guide', bodySource: '€'.repeat(400_000) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'page.too_large', errors: [{ field: 'bodySource', message: 'At most 1 MiB' }] });
    const justFits = await post({ title: 'Just fits', kind: 'guide', bodySource: 'a'.repeat(1024 * 1024) });
    expect(justFits.statusCode).toBe(201);

    await createPage(ana, slug, { title: 'On-call Handbook' });
    const taken = await post({ title: '  on-call   handbook ', kind: 'guide' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'page.title_taken', errors: [{ field: 'title', message: 'Already taken' }] });
    // Titles are unique per community, not across communities.
    const other = await community();
    expect((await createPage(ana, other.slug, { title: 'On-call handbook' })).title).toBe('On-call handbook');
  });

  it('keeps malformed Markdown and control characters as text, never failing', async () => {
    const { slug } = await community();
    const page = await createPage(ana, slug, { bodySource: '[unclosed](\n**bold\n```\nno end\u0000 <script>x</script>' });
    expect(page.bodyHtml).not.toContain('<script');
    expect(page.bodySource).toContain('\uFFFD');
  });

  it('nests pages, refuses cycles, strangers and depth, and shows the way up and down', async () => {
    const { slug } = await community();
    const a = await createPage(ana, slug, { title: 'A' });
    const b = await createPage(ana, slug, { title: 'B', parentId: a.id });
    const c = await createPage(ana, slug, { title: 'C', parentId: b.id });
    const readC = await getPage(ana, c.id);
    expect(readC).toMatchObject({
      parentId: b.id,
      ancestors: [
        { id: a.id, title: 'A' },
        { id: b.id, title: 'B' },
      ],
    });
    expect((await getPage(ana, a.id)).children).toEqual([{ id: b.id, title: 'B', kind: 'guide', status: 'published' }]);

    const cycle = await ana.request('PUT', `/api/v1/pages/${a.id}`, { version: 1, title: 'A', bodySource: 'x', parentId: c.id });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toMatchObject({ code: 'page.parent_cycle', errors: [{ field: 'parentId' }] });
    const self = await ana.request('PUT', `/api/v1/pages/${a.id}`, { version: 1, title: 'A', bodySource: 'x', parentId: a.id });
    expect(self.json().code).toBe('page.parent_cycle');
    expect((await getPage(ana, a.id)).version).toBe(1);

    const elsewhere = await createPage(ana, (await community()).slug, { title: 'Elsewhere' });
    const stranger = await ana.request('POST', `/api/v1/communities/${slug}/pages`, { title: 'D', kind: 'guide', parentId: elsewhere.id });
    expect(stranger.json()).toMatchObject({ code: 'page.parent_not_found', errors: [{ field: 'parentId' }] });

    let parent = c;
    for (let depth = 4; depth <= 12; depth++) parent = await createPage(ana, slug, { title: `Level ${depth}`, parentId: parent.id });
    const tooDeep = await ana.request('POST', `/api/v1/communities/${slug}/pages`, {
      title: 'Level 13',
      kind: 'guide',
      parentId: parent.id,
    });
    expect(tooDeep.json()).toMatchObject({ code: 'page.too_deep', errors: [{ field: 'parentId' }] });

    // Moving B (with C below it) to the top is fine.
    const moved = await savePage(ana, await getPage(ana, b.id), { parentId: null });
    expect(moved).toMatchObject({ parentId: null, ancestors: [] });

    const tree = await ana.request('GET', `/api/v1/communities/${slug}/pages/tree`);
    const nodes: PageTreeNode[] = tree.json().items;
    expect(tree.json().truncated).toBe(false);
    expect(nodes.find((n) => n.id === c.id)?.parentId).toBe(b.id);
    expect(nodes.find((n) => n.id === b.id)?.parentId).toBeNull();
    const roots = await ana.request('GET', `/api/v1/communities/${slug}/pages?parent=root&sort=title`);
    expect(titles(roots.json().items)).toEqual(['A', 'B']);
    const underB = await ana.request('GET', `/api/v1/communities/${slug}/pages?parent=${b.id}`);
    expect(titles(underB.json().items)).toEqual(['C']);

    const busy = await ana.request('DELETE', `/api/v1/pages/${b.id}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('page.has_children');
  });

  it('keeps drafts to their owner and the facilitators, and lets only curators unpublish', async () => {
    const { slug } = await community();
    const draft = await createPage(ana, slug, { title: 'Half-written idea', status: 'draft' });
    expect(draft.status).toBe('draft');
    for (const [who, status] of [
      [ana, 200],
      [fran, 200],
      [ben, 404],
      [admin, 404],
    ] as const) {
      const res = await who.request('GET', `/api/v1/pages/${draft.id}`);
      expect(res.statusCode, `${who.email}`).toBe(status);
      if (status === 404) {
        expect(res.json().code).toBe('page.not_found');
        expect(res.body).not.toContain('Half-written');
      }
    }
    const listed = async (who: Client) => titles((await who.request('GET', `/api/v1/communities/${slug}/pages`)).json().items);
    expect(await listed(ben)).toEqual([]);
    expect(await listed(fran)).toEqual(['Half-written idea']);
    expect((await ben.request('GET', `/api/v1/communities/${slug}/pages/tree`)).json().items).toEqual([]);
    // Others cannot write under a draft they cannot see.
    const under = await ben.request('POST', `/api/v1/communities/${slug}/pages`, { title: 'Child', kind: 'guide', parentId: draft.id });
    expect(under.json().code).toBe('page.parent_not_found');

    const published = await savePage(ana, draft, { status: 'published' });
    expect(published.status).toBe('published');
    expect(await listed(ben)).toEqual(['Half-written idea']);
    const unpublish = await ben.request('PUT', `/api/v1/pages/${draft.id}`, {
      version: 2,
      title: draft.title,
      bodySource: 'x',
      status: 'draft',
    });
    expect(unpublish.statusCode).toBe(403);
    expect(unpublish.json().code).toBe('page.not_owner');
    expect((await savePage(fran, published, { status: 'draft' })).status).toBe('draft');
  });

  it('hands a page on to another member, and deletes it', async () => {
    const { slug } = await community();
    const outsider = await signUp(t.app, 'Otto Outsider');
    const page = await createPage(ana, slug, { title: 'Runbook' });
    const notMember = await ana.request('PUT', `/api/v1/pages/${page.id}/owner`, { ownerId: outsider.id });
    expect(notMember.json()).toMatchObject({ code: 'page.owner_not_member', errors: [{ field: 'ownerId' }] });
    expect((await ben.request('PUT', `/api/v1/pages/${page.id}/owner`, { ownerId: ben.id })).json().code).toBe('page.not_owner');
    const handed = await ana.request('PUT', `/api/v1/pages/${page.id}/owner`, { ownerId: ben.id });
    expect(handed.json()).toMatchObject({ owner: { name: 'Ben Member' }, version: 1 });
    expect((await ana.request('DELETE', `/api/v1/pages/${page.id}`)).json().code).toBe('page.not_owner');
    expect((await fran.request('DELETE', `/api/v1/pages/${page.id}`)).statusCode).toBe(204);
    expect((await ben.request('GET', `/api/v1/pages/${page.id}`)).json().code).toBe('page.not_found');
  });

  it('offers a short template per kind', async () => {
    const res = await ana.request('GET', '/api/v1/knowledge/templates');
    const templates: { kind: string; headings: string[]; body: string; reviewMonths: number }[] = res.json().templates;
    expect(templates.map((tpl) => tpl.kind)).toEqual(['guide', 'best-practice', 'lesson-learned', 'decision', 'how-to', 'reading-notes']);
    for (const tpl of templates) expect(tpl.headings.length).toBeLessThanOrEqual(6);
    const byKind = Object.fromEntries(templates.map((tpl) => [tpl.kind, tpl]));
    expect(byKind['lesson-learned']?.headings.slice(0, 3)).toEqual(['What happened', 'What we learned', 'What we changed']);
    expect(byKind.decision?.headings).toEqual(['Context', 'Options', 'Decision', 'Consequences']);
    expect(byKind.decision?.body).toBe('## Context\n\n## Options\n\n## Decision\n\n## Consequences\n\n');
    expect(byKind['how-to']?.reviewMonths).toBe(6);
  });

  it('filters and pages through a community’s pages', async () => {
    const { slug } = await community();
    for (const [title, kind, tags] of [
      ['Zeta', 'guide', ['x']],
      ['alpha', 'decision', ['x', 'y']],
      ['Mu', 'guide', []],
    ] as const) {
      await createPage(ana, slug, { title, kind, tags: [...tags] });
    }
    const get = async (query: string) => (await ana.request('GET', `/api/v1/communities/${slug}/pages?${query}`)).json();
    expect(titles((await get('sort=title')).items)).toEqual(['alpha', 'Mu', 'Zeta']);
    expect(titles((await get('sort=updated')).items)).toEqual(['Mu', 'alpha', 'Zeta']);
    expect(titles((await get('kind=guide&sort=title')).items)).toEqual(['Mu', 'Zeta']);
    expect(titles((await get('tag=y')).items)).toEqual(['alpha']);
    const first = await get('sort=title&limit=2');
    expect(titles(first.items)).toEqual(['alpha', 'Mu']);
    expect(titles((await get(`sort=title&limit=2&cursor=${first.nextCursor}`)).items)).toEqual(['Zeta']);
    expect(titles((await get('owner=me')).items)).toHaveLength(3);
    expect((await get('limit=500')).code).toBe('validation.failed');
  });
});

describe(`freshness on ${dialectUnderTest}`, () => {
  it('gives each kind its review date, lists the stale, and moves the date on "still accurate"', async () => {
    const { slug } = await community();
    const decision = await createPage(ana, slug, { title: 'Use Postgres', kind: 'decision' });
    expect(decision.reviewBy).toBe(reviewDateFor('decision'));
    expect(reviewDateFor('how-to', new Date('2025-08-31T10:00:00Z'))).toBe('2026-02-28');
    expect(reviewDateFor('decision', new Date('2025-01-15T10:00:00Z'))).toBe('2027-01-15');

    const old = await createPage(ana, slug, { title: 'Old how-to', kind: 'how-to', reviewBy: '2020-01-01' });
    const oldDraft = await createPage(ana, slug, { title: 'Old draft', kind: 'how-to', reviewBy: '2020-01-01', status: 'draft' });
    expect(old.isStale).toBe(true);
    expect(oldDraft.isStale).toBe(false);
    const stale = await ben.request('GET', `/api/v1/communities/${slug}/pages?stale=true&sort=review`);
    expect(stale.json().items.map((p: PageSummary) => [p.title, p.isStale])).toEqual([['Old how-to', true]]);
    expect((await fran.request('GET', `/api/v1/communities/${slug}/pages?stale=true`)).json().items).toHaveLength(1);

    const confirmed = await ben.request('POST', `/api/v1/pages/${old.id}/confirm-fresh`);
    expect(confirmed.statusCode).toBe(200);
    const page: KnowledgePage = confirmed.json();
    expect(page).toMatchObject({ reviewBy: reviewDateFor('how-to'), isStale: false, version: 1 });
    expect(page.lastConfirmedAt?.slice(0, 10)).toBe(today());
    expect((await ben.request('GET', `/api/v1/communities/${slug}/pages?stale=true`)).json().items).toEqual([]);

    // An edit counts as a review, unless the editor picks the date.
    const edited = await savePage(ben, await createPage(ana, slug, { title: 'Stale again', kind: 'guide', reviewBy: '2021-05-05' }));
    expect(edited).toMatchObject({ reviewBy: reviewDateFor('guide'), isStale: false });
    expect((await savePage(ben, edited, { reviewBy: '2030-01-01' })).reviewBy).toBe('2030-01-01');
  });

  it('keeps a closed community’s knowledge readable and unchangeable', async () => {
    const { slug } = await community();
    const page = await createPage(ana, slug, { title: 'Lasting' });
    const close = await fran.request('POST', `/api/v1/communities/${slug}/lifecycle`, { stage: 'archived', note: 'Merged elsewhere' });
    expect(close.statusCode, close.body).toBe(200);
    expect((await getPage(ben, page.id)).canEdit).toBe(false);
    const writes = [
      ana.request('POST', `/api/v1/communities/${slug}/pages`, { title: 'New', kind: 'guide' }),
      ana.request('PUT', `/api/v1/pages/${page.id}`, { version: 1, title: 'Lasting', bodySource: 'x' }),
      ana.request('POST', `/api/v1/pages/${page.id}/confirm-fresh`),
      fran.request('DELETE', `/api/v1/pages/${page.id}`),
      ana.request('POST', `/api/v1/communities/${slug}/whiteboards`, { title: 'Board' }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('community.archived');
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { SseTestClient } from '../../platform/realtime/sse-test-client.ts';
import { join } from '../conversations/test-helpers.ts';
import { createPage, getPage, savePage } from './test-helpers.ts';

let t: TestApp;
let ana: Client;
let ben: Client;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t.app, 'Ana Author');
  ben = await signUp(t.app, 'Ben Reader');
});
afterAll(() => t.close());

async function community() {
  const { slug } = await createCommunity(ana);
  await join(ben, slug);
  return slug;
}

const backlinks = async (who: Client, pageId: string) =>
  ((await who.request('GET', `/api/v1/pages/${pageId}/backlinks`)).json().items as { title: string }[]).map((p) => p.title);

describe(`[[links]] on ${dialectUnderTest}`, () => {
  it('links pages by title, offers to create missing ones, and lists backlinks', async () => {
    const slug = await community();
    const rollback = await createPage(ana, slug, { title: 'Rollback' });
    const deploys = await createPage(ana, slug, {
      title: 'Deploys',
      bodySource: 'See [[rollback]] and [[Rollback|how to undo]], or [[Canary releases]]. `[[not a link]]`',
    });
    expect(deploys.bodyHtml).toContain(
      `<a href="/communities/${slug}/knowledge/${rollback.id}" class="wikilink" rel="nofollow noopener noreferrer ugc">rollback</a>`,
    );
    expect(deploys.bodyHtml).toContain(
      `<a href="/communities/${slug}/knowledge/${rollback.id}" class="wikilink" rel="nofollow noopener noreferrer ugc">how to undo</a>`,
    );
    expect(deploys.bodyHtml).toContain(
      `<a href="/communities/${slug}/knowledge/new?title=Canary%20releases" class="wikilink-missing" rel="nofollow noopener noreferrer ugc">Canary releases</a>`,
    );
    expect(deploys.bodyHtml).toContain('<code>[[not a link]]</code>');
    expect(await backlinks(ben, rollback.id)).toEqual(['Deploys']);
    expect(await backlinks(ben, deploys.id)).toEqual([]);

    // Writing the missing page makes the link resolve, in the page that named it.
    const canary = await createPage(ben, slug, { title: 'Canary Releases' });
    expect((await getPage(ben, deploys.id)).bodyHtml).toContain(`<a href="/communities/${slug}/knowledge/${canary.id}" class="wikilink"`);
    expect(await backlinks(ben, canary.id)).toEqual(['Deploys']);
  });

  it('follows renames, deletions and drafts, and never resolves across communities', async () => {
    const slug = await community();
    const target = await createPage(ana, slug, { title: 'Runbook' });
    const linker = await createPage(ana, slug, { title: 'Index', bodySource: '[[Runbook]] and [[Playbook]]' });
    const self = await createPage(ana, slug, { title: 'Loop', bodySource: 'I am [[Loop]].' });
    expect(self.bodyHtml).toContain(`href="/communities/${slug}/knowledge/${self.id}"`);

    const renamed = await savePage(ana, target, { title: 'Playbook' });
    const html = (await getPage(ben, linker.id)).bodyHtml;
    expect(html).toContain(`<a href="/communities/${slug}/knowledge/new?title=Runbook" class="wikilink-missing"`);
    expect(html).toContain(`<a href="/communities/${slug}/knowledge/${target.id}" class="wikilink"`);
    expect(await backlinks(ben, target.id)).toEqual(['Index']);

    // A draft's title does not resolve: the link would lead readers to a page they cannot see.
    await savePage(ana, renamed, { status: 'draft' });
    expect((await getPage(ben, linker.id)).bodyHtml).not.toContain(target.id);
    await savePage(ana, await getPage(ana, target.id), { status: 'published' });
    expect((await getPage(ben, linker.id)).bodyHtml).toContain(target.id);

    expect((await ana.request('DELETE', `/api/v1/pages/${target.id}`)).statusCode).toBe(204);
    expect((await getPage(ben, linker.id)).bodyHtml).toContain('new?title=Playbook');

    const elsewhere = await community();
    const there = await createPage(ana, elsewhere, { title: 'Far', bodySource: '[[Index]]' });
    expect(there.bodyHtml).toContain('wikilink-missing');
    expect(await backlinks(ben, linker.id)).toEqual([]);
  });

  it('previews a draft with the links of its community', async () => {
    const slug = await community();
    const known = await createPage(ana, slug, { title: 'Known' });
    const res = await ben.request('POST', `/api/v1/communities/${slug}/pages/preview`, { bodySource: '## Links\n\n[[Known]] [[Unknown]]' });
    expect(res.statusCode).toBe(200);
    expect(res.json().toc).toEqual([{ level: 2, id: 'h-links', text: 'Links' }]);
    expect(res.json().bodyHtml).toContain(`/knowledge/${known.id}`);
    expect(res.json().bodyHtml).toContain('new?title=Unknown');
    const list = await ben.request('GET', `/api/v1/communities/${slug}/pages`);
    expect(list.json().items).toHaveLength(1);
  });

  it('renders mermaid blocks for the browser and keeps posts free of page syntax', async () => {
    const slug = await community();
    const page = await createPage(ana, slug, { bodySource: '```mermaid\ngraph TD; A-->B;\n```' });
    expect(page.bodyHtml).toBe('<pre class="mermaid">graph TD; A--&gt;B;\n</pre>\n');
  });

  it('tells live readers of a page change, and of a draft only its owner', async () => {
    const slug = await community();
    const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const [mine, theirs] = [ana, ben].map((c) => new SseTestClient(`${origin}/api/v1/stream`, { cookie: c.cookie }));
    await Promise.all([mine?.ready, theirs?.ready]);
    const draft = await createPage(ana, slug, { title: 'Live draft', status: 'draft' });
    const changed = (version: number) => (e: { event: string; data: string }) =>
      e.event === 'page.changed' && JSON.parse(e.data).pageId === draft.id && JSON.parse(e.data).version === version;
    await mine?.next(changed(1));
    await savePage(ana, draft, { status: 'published' });
    await theirs?.next(changed(2));
    expect(theirs?.events.some(changed(1))).toBe(false);
    expect(JSON.parse((await mine?.next(changed(2)))?.data ?? '{}')).toEqual({ pageId: draft.id, version: 2 });
    await Promise.all([mine?.close(), theirs?.close()]);
  });
});

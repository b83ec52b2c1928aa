import { crc32 } from 'node:zlib';
import type { ImportResult, KnowledgePage, PageTreeNode } from '@guildhall/shared';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Client, createCommunity, createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { join } from '../conversations/test-helpers.ts';
import { createPage, getPage } from './test-helpers.ts';

let t: TestApp;
let fran: Client;
let ana: Client;

beforeAll(async () => {
  t = await createTestApp();
  fran = await signUp(t.app, 'Fran Facilitator');
  ana = await signUp(t.app, 'Ana Member');
});
afterAll(() => t.close());

async function community() {
  const { slug } = await createCommunity(fran);
  await join(ana, slug);
  return slug;
}

const encoder = new TextEncoder();
const zip = (files: Record<string, string | Uint8Array>) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? encoder.encode(v) : v]))));
const importZip = (who: Client, slug: string, body: Buffer) =>
  who.request('POST', `/api/v1/communities/${slug}/knowledge/import`, body, { 'content-type': 'application/zip' });
const importJson = (who: Client, slug: string, files: { path: string; content: string }[]) =>
  who.request('POST', `/api/v1/communities/${slug}/knowledge/import`, { files });
const tree = async (who: Client, slug: string): Promise<PageTreeNode[]> =>
  (await who.request('GET', `/api/v1/communities/${slug}/pages/tree`)).json().items;

/** Rewrites what one central-directory entry declares: its uncompressed size and its CRC-32. */
function rewriteEntry(archive: Uint8Array, name: string, declared: { size?: number; crc?: number }): Uint8Array {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  for (let i = 0; i + 46 <= archive.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    if (strFromU8(archive.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))) !== name) continue;
    if (declared.size !== undefined) view.setUint32(i + 24, declared.size, true);
    if (declared.crc !== undefined) view.setUint32(i + 16, declared.crc, true);
  }
  return archive;
}

/** Rewrites the uncompressed size every central-directory entry declares (what a forged archive does). */
function declareSizes(archive: Uint8Array, size: number): Buffer {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  for (let i = 0; i + 4 <= archive.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return Buffer.from(archive);
}

/** Each page as "title < parent title", for comparing trees. */
function shape(nodes: PageTreeNode[]) {
  const title = new Map(nodes.map((n) => [n.id, n.title]));
  return nodes.map((n) => `${n.title} < ${n.parentId ? title.get(n.parentId) : '(top)'}`).sort();
}

describe(`export on ${dialectUnderTest}`, () => {
  it('exports one page as Markdown with front matter', async () => {
    const slug = await community();
    const page = await createPage(ana, slug, { title: 'Code review', kind: 'best-practice', tags: ['review'], bodySource: 'Be kind.\n' });
    const res = await ana.request('GET', `/api/v1/pages/${page.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="code-review.md"');
    const [, yaml, body] = res.body.split(/^---\n/m);
    expect(parse(yaml as string)).toEqual({
      title: 'Code review',
      kind: 'best-practice',
      tags: ['review'],
      owner: 'Ana Member',
      reviewBy: page.reviewBy,
    });
    expect(body).toBe('\nBe kind.\n');
  });
});

describe(`round trip on ${dialectUnderTest}`, () => {
  it('exports a community as a zip that imports elsewhere with the same pages, tree and links', async () => {
    const from = await community();
    const handbook = await createPage(ana, from, { title: 'Handbook', tags: ['team'], bodySource: 'Start with [[Onboarding]].\n' });
    await createPage(ana, from, { title: 'Onboarding', parentId: handbook.id, bodySource: 'Welcome. Back to [[Handbook]].\n' });
    const deploys = await createPage(ana, from, {
      title: 'Deploys',
      kind: 'how-to',
      parentId: handbook.id,
      bodySource: 'Use [[Rollback]] when it breaks.\n',
    });
    await createPage(ana, from, {
      title: 'Rollback',
      kind: 'decision',
      parentId: deploys.id,
      bodySource: '## Context\n\nWhy we roll back.\n',
    });
    const link = `/communities/${from}/knowledge/${deploys.id}`;
    await createPage(ana, from, {
      title: 'Glossary',
      reviewBy: '2031-02-03',
      bodySource: `See [the deploy guide](${link} "Deploys") and [[Handbook|our handbook]].\n\n\`\`\`md\n[kept as is](${link})\n\`\`\`\n`,
    });
    await createPage(ana, from, { title: 'Secret draft', status: 'draft', bodySource: 'Not for export.' });

    const res = await ana.request('GET', `/api/v1/communities/${from}/knowledge/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = Object.fromEntries(Object.entries(unzipSync(res.rawPayload)).map(([k, v]) => [k, strFromU8(v)]));
    expect(Object.keys(files).sort()).toEqual([
      'glossary.md',
      'handbook/deploys/index.md',
      'handbook/deploys/rollback.md',
      'handbook/index.md',
      'handbook/onboarding.md',
    ]);
    expect(files['glossary.md']).toContain('See [the deploy guide](./handbook/deploys/index.md "Deploys") and [[Handbook|our handbook]].');
    expect(files['glossary.md']).toContain(`[kept as is](${link})`);
    expect(files['handbook/deploys/rollback.md']).toMatch(/^---\ntitle: Rollback\nkind: decision\n/);

    const to = await community();
    const imported = await importZip(fran, to, res.rawPayload);
    expect(imported.statusCode, imported.body).toBe(201);
    expect((imported.json() as ImportResult).created).toHaveLength(5);

    const [before, after] = [await tree(ana, from), await tree(ana, to)];
    expect(shape(after)).toEqual(shape(before.filter((n) => n.title !== 'Secret draft')));
    const read = async (title: string, nodes: PageTreeNode[]) =>
      getPage(ana, nodes.find((n) => n.title === title)?.id as string) as Promise<KnowledgePage>;
    for (const title of ['Handbook', 'Onboarding', 'Deploys', 'Rollback', 'Glossary']) {
      const [a, b] = [await read(title, before), await read(title, after)];
      expect([b.kind, b.tags, b.reviewBy, b.status], title).toEqual([a.kind, a.tags, a.reviewBy, a.status]);
      const expected = a.bodySource.replace(`[the deploy guide](${link} "Deploys")`, '[[Deploys|the deploy guide]]');
      expect(b.bodySource, title).toBe(expected);
    }
    // Links resolve in the new community, to its own pages.
    const rollback = await read('Rollback', after);
    const deploysThere = await read('Deploys', after);
    expect(deploysThere.bodyHtml).toContain(`/communities/${to}/knowledge/${rollback.id}`);
    const glossary = await read('Glossary', after);
    expect(glossary.bodyHtml).toContain(`/communities/${to}/knowledge/${deploysThere.id}`);
    const backlinks = await ana.request('GET', `/api/v1/pages/${deploysThere.id}/backlinks`);
    expect(backlinks.json().items.map((p: { title: string }) => p.title)).toEqual(['Glossary']);
  });
});

describe(`import on ${dialectUnderTest}`, () => {
  it('turns a docs folder into pages: titles, folders as parents, relative links as [[links]]', async () => {
    const slug = await community();
    const existing = await createPage(ana, slug, { title: 'Old notes', bodySource: 'See [[Deploy]].' });
    const res = await importJson(fran, slug, [
      {
        path: 'guides/setup.md',
        content: '# Setting up\n\nRead [deploy](../ops/deploy.md#steps), [ops](../ops/README.md) and [site](https://example.com).',
      },
      { path: 'ops/README.md', content: '# Operations\n\nThe ops corner.' },
      { path: 'ops/deploy.md', content: 'No heading here.' },
      { path: 'ops/img/logo.png', content: 'not markdown' },
      { path: '.git/config', content: '[core]' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const result: ImportResult = res.json();
    expect(result.skipped.sort()).toEqual(['.git/config', 'ops/img/logo.png']);
    expect(result.created.map((p) => [p.title, p.path])).toEqual([
      ['Guides', 'guides/'],
      ['Operations', 'ops/README.md'],
      ['Setting up', 'guides/setup.md'],
      ['Deploy', 'ops/deploy.md'],
    ]);
    expect(shape(await tree(ana, slug))).toEqual([
      'Deploy < Operations',
      'Guides < (top)',
      'Old notes < (top)',
      'Operations < (top)',
      'Setting up < Guides',
    ]);
    const setupId = result.created.find((p) => p.title === 'Setting up')?.id as string;
    const setup = await getPage(ana, setupId);
    expect(setup.bodySource).toBe('Read [[Deploy|deploy]], [[Operations|ops]] and [site](https://example.com).');
    expect((await getPage(ana, result.created[1]?.id as string)).bodySource).toBe('The ops corner.');
    // A page that named one of the new titles now links to it.
    const deployId = result.created.find((p) => p.title === 'Deploy')?.id as string;
    expect((await getPage(ana, existing.id)).bodyHtml).toContain(`/knowledge/${deployId}`);
  });

  it('takes a single Markdown file, strips a shared top folder, and imports under a page', async () => {
    const slug = await community();
    const single = await fran.request('POST', `/api/v1/communities/${slug}/knowledge/import?name=meeting-notes.md`, '\uFEFFWe met.', {
      'content-type': 'text/markdown',
    });
    expect(single.statusCode, single.body).toBe(201);
    expect(single.json().created).toEqual([expect.objectContaining({ title: 'Meeting notes', parentId: null })]);
    const home = await createPage(fran, slug, { title: 'Home' });
    const nested = await importZip(fran, slug, zip({ 'repo-main/docs/a.md': '# Alpha', 'repo-main/docs/b/index.md': '# Beta' }));
    expect(nested.statusCode, nested.body).toBe(201);
    const url = `/api/v1/communities/${slug}/knowledge/import?parentId=${home.id}`;
    const under = await fran.request('POST', url, zip({ 'c.md': '# Gamma' }), { 'content-type': 'application/zip' });
    expect(shape(await tree(ana, slug))).toEqual([
      'Alpha < (top)',
      'Beta < (top)',
      'Gamma < Home',
      'Home < (top)',
      'Meeting notes < (top)',
    ]);
    expect(under.statusCode).toBe(201);
  });

  it('refuses paths that leave the archive, and imports nothing', async () => {
    const slug = await community();
    for (const path of ['../evil.md', 'docs/../../evil.md', '/etc/evil.md', 'C:/evil.md', '..\\evil.md', '../outside/']) {
      const res = await importZip(fran, slug, zip({ 'fine.md': '# Fine', [path]: '# Evil' }));
      expect(res.statusCode, path).toBe(400);
      expect(res.json()).toMatchObject({ code: 'import.unsafe_path' });
      const json = await importJson(fran, slug, [{ path, content: '# Evil' }]);
      expect(json.json().code, path).toBe('import.unsafe_path');
    }
    expect(await tree(ana, slug)).toEqual([]);
  });

  it('refuses zip bombs before inflating them', async () => {
    const slug = await community();
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const oneBig = await importZip(fran, slug, zip({ 'big.md': zeros }));
    expect(oneBig.statusCode).toBe(413);
    expect(oneBig.json()).toMatchObject({ code: 'import.too_large', errors: [{ field: 'big.md' }] });
    // Sixty files of 1,000 KiB each, as the archive's directory declares them: 58 MiB in all.
    const many = zipSync(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`part-${i}.md`, encoder.encode('# x')])));
    const total = await importZip(fran, slug, declareSizes(many, 1000 * 1024));
    expect(total.statusCode).toBe(413);
    expect(total.json().code).toBe('import.too_large');
    expect(total.json().detail).toContain('50 MiB');
  });

  it('refuses an archive whose directory misstates an entry, and imports nothing', async () => {
    const slug = await community();
    const big = new Uint8Array(4 * 1024 * 1024).fill(66);
    const refused = async (archive: Uint8Array, path: string) => {
      const res = await importZip(fran, slug, Buffer.from(archive));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'import.invalid_zip', errors: [{ field: path }] });
    };
    // A liar: the directory claims 20 bytes, the data inflates to 4 MiB. Inflating stops at 20
    // bytes, and the archive is refused rather than imported cut short.
    await refused(rewriteEntry(zipSync({ 'fine.md': encoder.encode('# Fine'), 'liar.md': big }), 'liar.md', { size: 20 }), 'liar.md');
    // The same with a checksum forged to match those 20 bytes: the data still holds more.
    await refused(rewriteEntry(zipSync({ 'liar.md': big }), 'liar.md', { size: 20, crc: crc32(big.subarray(0, 20)) }), 'liar.md');
    // Claiming more than it holds, or a damaged checksum, stored or deflated.
    await refused(rewriteEntry(zipSync({ 'short.md': encoder.encode('# Short') }), 'short.md', { size: 100 }), 'short.md');
    await refused(rewriteEntry(zipSync({ 'bad.md': encoder.encode('# Bad sum') }), 'bad.md', { crc: 12345 }), 'bad.md');
    await refused(rewriteEntry(zipSync({ 'bad.md': encoder.encode('# Bad sum') }, { level: 0 }), 'bad.md', { crc: 12345 }), 'bad.md');
    expect(await tree(ana, slug)).toEqual([]);

    // Honest archives, stored or deflated, still import.
    const stored = await importZip(fran, slug, Buffer.from(zipSync({ 'stored.md': encoder.encode('# Stored') }, { level: 0 })));
    expect(stored.statusCode, stored.body).toBe(201);
    const deflated = await importZip(fran, slug, Buffer.from(zipSync({ 'deflated.md': big.subarray(0, 1024) }, { level: 9 })));
    expect(deflated.statusCode, deflated.body).toBe(201);
    expect((await getPage(ana, deflated.json().created[0].id)).bodySource).toBe('B'.repeat(1024));
  });

  it('refuses what is not UTF-8, not a zip, or clashes, all or nothing', async () => {
    const slug = await community();
    const latin1 = await importZip(fran, slug, zip({ 'ok.md': '# Ok', 'cafe.md': new Uint8Array([0x43, 0x61, 0x66, 0xe9]) }));
    expect(latin1.json()).toMatchObject({ status: 400, code: 'import.not_utf8', errors: [{ field: 'cafe.md' }] });
    expect((await importZip(fran, slug, Buffer.from('definitely not a zip'))).json().code).toBe('import.invalid_zip');
    const frontMatter = await importJson(fran, slug, [
      { path: 'a.md', content: '# A' },
      { path: 'b.md', content: '---\ntitle: [unclosed\n---\nbody' },
    ]);
    expect(frontMatter.json()).toMatchObject({ code: 'import.invalid_front_matter', errors: [{ field: 'b.md' }] });
    await createPage(ana, slug, { title: 'Taken' });
    const clash = await importJson(fran, slug, [
      { path: 'a.md', content: '# Fresh' },
      { path: 'b.md', content: '---\ntitle: taken\n---\n' },
    ]);
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'import.title_taken', errors: [{ field: 'b.md' }] });
    const twice = await importJson(fran, slug, [
      { path: 'a.md', content: '# Same' },
      { path: 'b.md', content: '# same' },
    ]);
    expect(twice.json()).toMatchObject({ code: 'import.title_taken', errors: [{ field: 'b.md' }] });
    expect((await importJson(fran, slug, [{ path: 'x.txt', content: 'hi' }])).json().code).toBe('import.empty');
    expect((await tree(ana, slug)).map((n) => n.title)).toEqual(['Taken']);
    const member = await importJson(ana, slug, [{ path: 'a.md', content: '# A' }]);
    expect(member.statusCode).toBe(403);
  });
});

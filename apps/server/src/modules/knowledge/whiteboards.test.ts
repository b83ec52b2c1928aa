import type { Whiteboard } from '@guildhall/shared';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { join } from '../conversations/test-helpers.ts';
import { isSafeFontCss, sanitizeSvg } from './sanitize-svg.ts';
import { createPage, getPage } from './test-helpers.ts';

let t: TestApp;
let ana: Client;
let ben: Client;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t.app, 'Ana Drawer');
  ben = await signUp(t.app, 'Ben Viewer');
});
afterAll(() => t.close());

async function community() {
  const { slug } = await createCommunity(ana);
  await join(ben, slug);
  return slug;
}

const scene = (elements: object[] = [{ id: 'r1', type: 'rectangle', x: 0, y: 0, width: 10, height: 10 }]) => ({
  type: 'excalidraw',
  version: 2,
  source: 'https://excalidraw.com',
  elements,
  appState: { viewBackgroundColor: '#ffffff' },
  files: {},
});
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="20" height="20"><defs><style class="style-fonts">@font-face { font-family: "Excalifont"; src: url(data:font/woff2;base64,d09GMgABAAAA); }</style></defs><rect x="0" y="0" width="10" height="10" fill="#fff" stroke="#1e1e1e"/><text x="2" y="8" font-family="Excalifont" style="white-space: pre;">Hi &amp; bye</text></svg>';

/** Every element and attribute of a sanitised SVG, read with a real XML parser. */
function inventory(svg: string) {
  const tags: string[] = [];
  const attributes: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        tags.push(name);
        for (const [k, v] of Object.entries(attrs)) attributes.push(`${name}@${k}=${v}`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(svg);
  parser.end();
  return { tags, attributes };
}

describe(`whiteboards on ${dialectUnderTest}`, () => {
  it('saves a scene with revisions, answers a stale save with 409, and restores', async () => {
    const slug = await community();
    const created = await ana.request('POST', `/api/v1/communities/${slug}/whiteboards`, {
      title: 'Architecture',
      scene: scene(),
      previewSvg: SVG,
    });
    expect(created.statusCode, created.body).toBe(201);
    const board: Whiteboard = created.json();
    expect(board).toMatchObject({
      title: 'Architecture',
      version: 1,
      canEdit: true,
      canDelete: true,
      embedMarkdown: `![[whiteboard:${board.id}]]`,
    });
    expect(board.scene.elements).toEqual([expect.objectContaining({ id: 'r1', type: 'rectangle', width: 10 })]);
    expect(board.previewUrl).toBe(`/api/v1/whiteboards/${board.id}/preview.svg?version=1`);

    const two = await ben.request('PUT', `/api/v1/whiteboards/${board.id}`, {
      version: 1,
      scene: scene([{ id: 'e1', type: 'ellipse' }]),
      summary: 'Circle instead',
    });
    expect(two.json()).toMatchObject({ version: 2, previewUrl: null, canDelete: false });
    const stale = await ana.request('PUT', `/api/v1/whiteboards/${board.id}`, { version: 1, scene: scene() });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'whiteboard.version_conflict', current: { version: 2, updatedBy: { name: 'Ben Viewer' } } });

    const history = (await ana.request('GET', `/api/v1/whiteboards/${board.id}/revisions`)).json().items;
    expect(history.map((r: { version: number; summary: string | null }) => [r.version, r.summary])).toEqual([
      [2, 'Circle instead'],
      [1, null],
    ]);
    expect((await ana.request('GET', `/api/v1/whiteboards/${board.id}/revisions/1`)).json().scene.elements[0].id).toBe('r1');
    const restored = await ana.request('POST', `/api/v1/whiteboards/${board.id}/revisions/1/restore`, { version: 2 });
    expect(restored.json()).toMatchObject({ version: 3, title: 'Architecture' });
    expect(restored.json().scene.elements[0].id).toBe('r1');
    expect(restored.json().previewUrl).toBe(`/api/v1/whiteboards/${board.id}/preview.svg?version=3`);

    const list = await ben.request('GET', `/api/v1/communities/${slug}/whiteboards`);
    expect(list.json().items.map((b: { title: string; version: number }) => [b.title, b.version])).toEqual([['Architecture', 3]]);
  });

  it('refuses what is not an Excalidraw scene, naming the field, and what is too large', async () => {
    const slug = await community();
    const post = (body: object) => ana.request('POST', `/api/v1/communities/${slug}/whiteboards`, { title: 'Board', ...body });
    const cases: [object, string][] = [
      [{ type: 'drawio', version: 1, elements: [] }, 'scene.type'],
      [{ type: 'excalidraw', elements: [] }, 'scene.version'],
      [{ type: 'excalidraw', version: 2, elements: 'many' }, 'scene.elements'],
      [{ type: 'excalidraw', version: 2, elements: [{ type: 'rectangle' }] }, 'scene.elements.0.id'],
      [{ type: 'excalidraw', version: 2, elements: [{ id: 'a', type: 'line' }, 'text'] }, 'scene.elements.1'],
      [
        {
          type: 'excalidraw',
          version: 2,
          elements: [
            { id: 'a', type: 'line' },
            { id: 'a', type: 'line' },
          ],
        },
        'scene.elements.1.id',
      ],
      [
        { ...scene(), files: { f: { id: 'f', mimeType: 'text/html', dataURL: 'data:text/html;base64,PHNjcmlwdD4=' } } },
        'scene.files.f.dataURL',
      ],
    ];
    for (const [bad, field] of cases) {
      const res = await post({ scene: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('whiteboard.invalid_scene');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await post({ scene: 'not json at all' })).json().code).toBe('validation.failed');
    const huge = await post({ scene: scene([{ id: 'big', type: 'text', text: 'x'.repeat(5 * 1024 * 1024) }]) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'whiteboard.too_large', errors: [{ field: 'scene' }] });
    const notSvg = await post({ scene: scene(), previewSvg: '<html><body>hello</body></html>' });
    expect(notSvg.json()).toMatchObject({ code: 'whiteboard.invalid_preview', errors: [{ field: 'previewSvg' }] });
  });

  it('serves only sanitised SVG, as an image under a script-less CSP', async () => {
    const slug = await community();
    const evil = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e "x">]>
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)" viewBox="0 0 9 9">
      <script>alert(1)</script><script xlink:href="https://evil.example/x.js"/><SCRIPT>alert(2)</SCRIPT>
      <foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"></iframe><img src="x" onerror="alert(1)"/></foreignObject>
      <a href="javascript:alert(1)"><rect width="9" height="9" onclick="alert(1)"/></a>
      <animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onmouseover" to="alert(1)"/>
      <image href="https://tracker.example/pixel.png"/><image xlink:href="data:image/svg+xml;base64,PHN2Zy8+"/><image href="data:image/png;base64,iVBORw0KGgo="/>
      <use href="https://evil.example/sprite.svg#x"/><use xlink:href="#ok"/>
      <rect fill="url(https://evil.example/p)" stroke="url(#ok)" style="background:url(https://evil.example/s)"/>
      <style>@import url(https://evil.example/x.css);</style><style>rect { fill: red }</style>
      <iframe src="https://evil.example"/><embed src="x"/><object data="x"/><handler xmlns="http://www.w3.org/2001/xml-events" event="load">alert(1)</handler>
      <![CDATA[<script>alert(3)</script>]]><text>fine &lt;text&gt;</text></svg>`;
    const created = await ana.request('POST', `/api/v1/communities/${slug}/whiteboards`, {
      title: 'Evil',
      scene: scene(),
      previewSvg: evil,
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await ben.request('GET', `/api/v1/whiteboards/${created.json().id}/preview.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; sandbox",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const svg = res.body;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(
      /script|alert|javascript|evil|tracker|foreignObject|iframe|onload|onclick|animate|<set|handler|@import|svg\+xml;base64/i,
    );
    const { tags, attributes } = inventory(svg);
    expect(new Set(tags)).toEqual(new Set(['svg', 'rect', 'image', 'use', 'text']));
    expect(attributes).toContain('image@href=data:image/png;base64,iVBORw0KGgo=');
    expect(attributes).toContain('use@xlink:href=#ok');
    expect(attributes).toContain('rect@stroke=url(#ok)');
    expect(svg).toContain('<text>fine &lt;text&gt;</text>');
    expect((await ben.request('GET', `/api/v1/whiteboards/${created.json().id}/preview.svg?version=1`)).body).toBe(svg);
  });

  it('keeps Excalidraw’s own export intact, fonts included', () => {
    const clean = sanitizeSvg(SVG);
    expect(clean).toContain('@font-face { font-family: "Excalifont"; src: url(data:font/woff2;base64,d09GMgABAAAA); }');
    expect(clean).toContain('<text x="2" y="8" font-family="Excalifont" style="white-space:pre">Hi &amp; bye</text>');
    expect(isSafeFontCss('@font-face{font-family:X;src:url(https://evil/f.woff)}')).toBe(false);
    expect(isSafeFontCss('@font-face{font-family:X;src:url(data:font/woff2;base64,AA)}</style><script>')).toBe(false);
    expect(isSafeFontCss('svg { background: red }')).toBe(false);
  });

  it('embeds in pages, shows where it is used, and leaves a note behind when deleted', async () => {
    const slug = await community();
    const board: Whiteboard = (
      await ana.request('POST', `/api/v1/communities/${slug}/whiteboards`, { title: 'Flow', previewSvg: SVG })
    ).json();
    const page = await createPage(ben, slug, {
      title: 'Checkout',
      bodySource: `Our flow:\n\n![[whiteboard:${board.id}]]\n\n![[whiteboard:nope]]`,
    });
    expect(page.bodyHtml).toContain(
      `<a href="/communities/${slug}/knowledge/whiteboards/${board.id}" class="whiteboard-embed" data-whiteboard-id="${board.id}" rel="nofollow noopener noreferrer ugc">Whiteboard: Flow</a>`,
    );
    expect(page.bodyHtml).toContain('<em>(whiteboard not found)</em>');
    expect(page.whiteboards).toEqual([
      { id: board.id, title: 'Flow', version: 1, previewUrl: `/api/v1/whiteboards/${board.id}/preview.svg?version=1` },
    ]);
    expect((await ben.request('GET', `/api/v1/whiteboards/${board.id}`)).json().embeddedIn).toEqual([
      { id: page.id, title: 'Checkout', kind: 'guide', status: 'published' },
    ]);
    await ana.request('PUT', `/api/v1/whiteboards/${board.id}`, { version: 1, title: 'Checkout flow', scene: scene() });
    expect((await getPage(ben, page.id)).bodyHtml).toContain('Whiteboard: Checkout flow');
    expect((await ben.request('DELETE', `/api/v1/whiteboards/${board.id}`)).json().code).toBe('whiteboard.not_creator');
    expect((await ana.request('DELETE', `/api/v1/whiteboards/${board.id}`)).statusCode).toBe(204);
    const after = await getPage(ben, page.id);
    expect(after.whiteboards).toEqual([]);
    expect(after.bodyHtml).not.toContain('whiteboard-embed');
    expect((await ben.request('GET', `/api/v1/whiteboards/${board.id}`)).json().code).toBe('whiteboard.not_found');
    // A whiteboard of another community does not embed.
    const other = await community();
    const foreign = await createPage(ana, other, { bodySource: `![[whiteboard:${page.id}]]` });
    expect(foreign.bodyHtml).toContain('(whiteboard not found)');
  });
});

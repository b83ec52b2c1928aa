import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let ana: Client;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t.app, 'Ana');
});
afterAll(() => t.close());

/** Every element and attribute of the HTML as a browser's parser would see them. */
function elementsOf(html: string): { tag: string; attributes: Record<string, string> }[] {
  const found: { tag: string; attributes: Record<string, string> }[] = [];
  const parser = new Parser({ onopentag: (tag, attributes) => found.push({ tag, attributes }) });
  parser.write(html);
  parser.end();
  return found;
}

const preview = (source: unknown, client: Client = ana) => client.request('POST', '/api/v1/markdown/preview', { source });

describe('POST /markdown/preview', () => {
  it('renders a draft exactly as a post is stored: Markdown, highlighted code, mentions', async () => {
    const res = await preview('**Hi** @[Bo](person:b0-1)\n\n```ts\nconst x = 1;\n```');
    expect(res.statusCode).toBe(200);
    const { html } = res.json() as { html: string };
    expect(html).toContain('<strong>Hi</strong>');
    expect(html).toContain('<a href="/people/b0-1" class="mention" data-person-id="b0-1"');
    expect(html).toContain('<code class="hljs language-ts"><span class="hljs-keyword">const</span>');
  });

  it('answers XSS payloads with inert HTML', async () => {
    const source = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![x](x" onerror="alert(1))',
      '<a href="javascript:alert(1)" style="position:fixed">x</a>',
    ].join('\n\n');
    const { html } = (await preview(source)).json() as { html: string };
    const elements = elementsOf(html);
    expect(elements.map((e) => e.tag)).toEqual(['p', 'p', 'p', 'p', 'p', 'p']);
    for (const { attributes } of elements) {
      for (const [name, value] of Object.entries(attributes)) {
        expect(name).not.toMatch(/^on|^style$/i);
        expect(value).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    // Raw HTML is shown as text, not dropped: the reader sees what was written.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('previews an empty draft as nothing', async () => {
    const res = await preview('');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ html: '' });
  });

  it('refuses more than 64 KiB, counted in UTF-8 bytes, naming the field', async () => {
    const ascii = await preview('a'.repeat(64 * 1024 + 1));
    expect(ascii.statusCode).toBe(400);
    expect(ascii.json()).toMatchObject({ code: 'validation.failed', errors: [{ field: 'source', message: 'Keep it under 64 KiB' }] });
    // 30,000 two-byte characters: under the limit in characters, over it in bytes.
    const wide = await preview('é'.repeat(40_000));
    expect(wide.statusCode).toBe(400);
    expect(wide.json().errors[0].field).toBe('source');
    expect((await preview('a'.repeat(64 * 1024))).statusCode).toBe(200);
  });

  it('refuses a body that is not a draft', async () => {
    const res = await ana.request('POST', '/api/v1/markdown/preview', { source: 'x', html: '<b>' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'html', message: 'Unknown field' }]);
  });

  it('is for signed-in people only', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/markdown/preview', payload: { source: 'hi' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.required' });
  });

  it('refuses a cross-site request riding on the session cookie', async () => {
    const res = await preview('hi', { ...ana, request: (m, u, b) => ana.request(m, u, b, { 'sec-fetch-site': 'cross-site' }) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf.cross_origin' });
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KnowledgePage } from '@guildhall/shared';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, dialectUnderTest, signUp, type TestApp } from '../../../test/harness.ts';
import { parsePage, renderParsedPage } from '../../platform/markdown/markdown.ts';
import { asPageTitle, titleKey } from './naming.ts';

/**
 * The XSS corpus (security/xss-payloads.txt beside DESIGN.md) through everything a knowledge
 * page adds to Markdown: [[links]] resolved and missing, their labels, whiteboard embeds,
 * heading ids; then through the API as page bodies, as page titles, and as imported files.
 */

const REPO_ROOT = resolve(import.meta.dirname, '../../../../..');
const CORPUS = resolve(REPO_ROOT, '../shared/security/xss-payloads.txt');

function loadCorpus(): string[] {
  if (!existsSync(CORPUS)) throw new Error(`The XSS corpus is missing: expected it at ${CORPUS}`);
  const lines = readFileSync(CORPUS, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length < 1000) throw new Error(`The XSS corpus at ${CORPUS} looks truncated (${lines.length} lines)`);
  return lines;
}

/** What a page's HTML may contain: the posts' allowlist, plus heading ids and the page link classes. */
const ALLOWED: Record<string, string[]> = {
  ...Object.fromEntries(['p', 'br', 'hr', 'strong', 'em', 'del', 's', 'blockquote', 'ul', 'li'].map((t) => [t, []])),
  ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t) => [t, ['id']])),
  ...Object.fromEntries(['table', 'thead', 'tbody', 'tr', 'th', 'td'].map((t) => [t, []])),
  ol: ['start'],
  a: ['href', 'title', 'class', 'data-person-id', 'data-whiteboard-id', 'rel'],
  img: ['src', 'alt', 'title'],
  pre: ['class'],
  code: ['class'],
  span: ['class'],
};
const LINK_CLASSES = new Set(['mention', 'wikilink', 'wikilink-missing', 'whiteboard-embed']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'srcset']);

const asBrowserReadsUrl = (value: string) =>
  [...value.trim()]
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code > 0x20 && (code < 0x7f || code > 0x9f) && !/\s/.test(ch);
    })
    .join('')
    .toLowerCase();

function problemsIn(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('contains "<script"');
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const allowed = ALLOWED[tag];
        if (!allowed) problems.push(`unexpected <${tag}>`);
        for (const [name, value] of Object.entries(attributes)) {
          if (name.startsWith('on') || name === 'style') problems.push(`${name} on <${tag}>`);
          if (allowed && !allowed.includes(name)) problems.push(`unexpected ${name} on <${tag}>`);
          if (name === 'id' && !/^h-[a-z0-9-]{1,80}$/.test(value)) problems.push(`id="${value}" on <${tag}>`);
          if (tag === 'a' && name === 'class' && !LINK_CLASSES.has(value)) problems.push(`class="${value}" on <a>`);
          if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data):/.test(asBrowserReadsUrl(value)))
            problems.push(`${name}="${value}" on <${tag}>`);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

const PAGE_VARIANTS: Record<string, (payload: string) => string> = {
  raw: (p) => p,
  heading: (p) => `## ${p}`,
  wikilink: (p) => `[[${p}]]`,
  'wikilink label': (p) => `[[Known|${p}]]`,
  'wikilink in heading': (p) => `# See [[${p}]]`,
  'whiteboard embed': (p) => `![[whiteboard:${p}]] ![[whiteboard:board-1]]`,
  'link destination': (p) => `[x](${p})`,
  'wikilink in a link': (p) => `[[[${p}]]](${p})`,
};

const corpus = loadCorpus();

describe('the XSS corpus through page syntax', () => {
  // Links to titles with an "a" resolve, others are "create this page"; the whiteboard's title is hostile too.
  const links = {
    pageHref: (title: string) => (title.includes('a') ? `/communities/c/knowledge/${encodeURIComponent(title)}` : undefined),
    missingPageHref: (title: string) => `/communities/c/knowledge/new?title=${encodeURIComponent(title)}`,
    whiteboard: (id: string) => ({
      href: `/communities/c/knowledge/whiteboards/${id}`,
      title: corpus[id.length % corpus.length] as string,
    }),
  };
  for (const [variant, wrap] of Object.entries(PAGE_VARIANTS)) {
    it(`renders every payload inert: ${variant}`, { timeout: 120_000 }, () => {
      const failures: string[] = [];
      for (const payload of corpus) {
        const parsed = parsePage(wrap(payload));
        const html = renderParsedPage(parsed, links);
        const problems = problemsIn(html);
        if (problems.length > 0) failures.push(`${JSON.stringify(payload)} → ${problems.join('; ')}\n    ${html}`);
        for (const entry of parsed.toc) if (!/^h-[a-z0-9-]{1,80}$/.test(entry.id)) failures.push(`toc id ${entry.id}`);
      }
      expect(failures.slice(0, 10), `${failures.length} payloads were not inert`).toEqual([]);
    });
  }
});

describe(`the XSS corpus through the API on ${dialectUnderTest}`, () => {
  let t: TestApp;
  let fran: Client;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp();
    fran = await signUp(t.app, 'Fran Facilitator');
    slug = (await createCommunity(fran)).slug;
  });
  afterAll(() => t.close());

  /** Every page's stored HTML and every title, straight from the table, each checked. */
  async function storedProblems(): Promise<string[]> {
    const rows = await t.database.db.selectFrom('page').select(['title', 'body_html']).where('status', '=', 'published').execute();
    return rows.flatMap((r) => problemsIn(r.body_html).map((p) => `${JSON.stringify(r.title)}: ${p}`));
  }

  it('stores page bodies inert', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (let i = 0; i < corpus.length; i += 250) {
      const chunk = corpus.slice(i, i + 250);
      // Each payload in a list item of its own, so that an unclosed construct cannot hide the next one.
      const bodySource = chunk.map((p) => `- ${p}\n- [[${p}]]\n\n## ${p}\n`).join('\n');
      const res = await fran.request('POST', `/api/v1/communities/${slug}/pages`, { title: `Body batch ${i}`, kind: 'guide', bodySource });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      const page: KnowledgePage = res.json();
      failures.push(...problemsIn(page.bodyHtml).map((p) => `batch ${i}: ${p}`));
    }
    expect(failures.slice(0, 10), `${failures.length} problems`).toEqual([]);
  });

  it('takes every payload as an imported file and its title, and links to them all inert', { timeout: 300_000 }, async () => {
    const titles = new Map<string, string>();
    for (const payload of corpus) {
      const title = asPageTitle(payload);
      if (!titles.has(titleKey(title)) && !titleKey(title).startsWith('body batch')) titles.set(titleKey(title), payload);
    }
    const entries = [...titles.values()];
    for (let i = 0; i < entries.length; i += 2000) {
      const files = entries.slice(i, i + 2000).map((payload, n) => ({
        path: `corpus/payload-${i + n}.md`,
        // A JSON string is a YAML scalar: the payload arrives as the title exactly.
        content: `---\ntitle: ${JSON.stringify(payload)}\n---\n${payload}\n\n[[${asPageTitle(payload)}]] [link](./payload-${i + n + 1}.md)\n`,
      }));
      const res = await fran.request('POST', `/api/v1/communities/${slug}/knowledge/import`, { files });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    }
    const index = entries.map((p) => `[[${asPageTitle(p)}]]`).join('\n');
    const linked = await fran.request('POST', `/api/v1/communities/${slug}/pages`, {
      title: 'Every title',
      kind: 'guide',
      bodySource: index,
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().bodyHtml).not.toContain('wikilink-missing');

    const boards = [];
    for (const payload of corpus.slice(0, 40)) {
      const res = await fran.request('POST', `/api/v1/communities/${slug}/whiteboards`, { title: payload.slice(0, 200) });
      expect(res.statusCode, payload).toBe(201);
      boards.push(res.json().id as string);
    }
    await fran.request('POST', `/api/v1/communities/${slug}/pages`, {
      title: 'Every board',
      kind: 'guide',
      bodySource: boards.map((id) => `![[whiteboard:${id}]]`).join('\n\n'),
    });

    const problems = await storedProblems();
    expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([]);
    const stored = await t.database.db.selectFrom('page').select('title').execute();
    const storedTitles = new Set(stored.map((r) => r.title));
    expect(entries.filter((p) => !storedTitles.has(asPageTitle(p)))).toEqual([]);
    // More pages than a tree answers: it says so rather than cutting silently.
    expect((await fran.request('GET', `/api/v1/communities/${slug}/pages/tree`)).json().truncated).toBe(true);
  });
});

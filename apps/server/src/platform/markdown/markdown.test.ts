import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { extractMentionIds, renderMarkdown } from './markdown.ts';

describe('rendering', () => {
  it('renders the everyday Markdown', () => {
    const html = renderMarkdown('# Title\n\nSome **bold**, *em* and ~~gone~~ text.\n\n> quoted\n\n3. three\n4. four\n\n---');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>, <em>em</em> and <s>gone</s>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<hr />');
  });

  it('highlights fenced code on the server, by language or alias', () => {
    const html = renderMarkdown('```ts\nconst x: number = 1; // <b>\n```');
    expect(html).toMatch(/^<pre><code class="hljs language-ts"><span class="hljs-keyword">const<\/span>/);
    expect(html).toContain('<span class="hljs-comment">// &lt;b&gt;</span>');
    for (const alias of ['sh', 'yml', 'py', 'rs', 'html', 'dockerfile', 'golang', 'kt', 'json', 'diff', 'sql', 'java', 'css']) {
      expect(renderMarkdown(`\`\`\`${alias}\n<b x="y">z</b> x = "y"\n+ added\n\`\`\``), alias).toContain('class="hljs-');
    }
  });

  it('shows code in an unknown language escaped and plain', () => {
    const html = renderMarkdown('```cobol\n<img src=x onerror=alert(1)>\n```');
    expect(html).toBe('<pre><code class="hljs language-cobol">&lt;img src=x onerror=alert(1)&gt;\n</code></pre>\n');
    expect(renderMarkdown('```"><x\nhi\n```')).toBe('<pre><code class="hljs">hi\n</code></pre>\n');
  });

  it('hands mermaid diagrams to the browser as escaped source', () => {
    expect(renderMarkdown('```mermaid\ngraph TD; A-->B; </pre><script>\n```')).toBe(
      '<pre class="mermaid">graph TD; A--&gt;B; &lt;/pre&gt;&lt;script&gt;\n</pre>\n',
    );
  });

  it('links mentions to the person and lists whom a text mentions', () => {
    const source = 'Thanks @[Ada <Lovelace>](person:0192-ab) and @[Bob](person:b1), @[Ada](person:0192-ab)! `@[No](person:code)`';
    expect(renderMarkdown(source)).toContain(
      '<a href="/people/0192-ab" class="mention" data-person-id="0192-ab" rel="nofollow noopener noreferrer ugc">@Ada &lt;Lovelace&gt;</a>',
    );
    expect(extractMentionIds(`${source}\n\n\`\`\`\n@[Nor](person:fence)\n\`\`\``)).toEqual(['0192-ab', 'b1']);
    // Not a mention: the id carries characters ids never have, so it stays text.
    expect(renderMarkdown('@[Eve](person:a"b)')).not.toContain('mention');
    expect(extractMentionIds('@[Eve](person:../x)')).toEqual([]);
  });

  it('links bare URLs and marks every link as user content', () => {
    const html = renderMarkdown('See https://example.com/a?b=1 or mail me@example.com; [docs](https://docs.example.com "Docs")');
    expect(html).toContain('<a href="https://example.com/a?b=1" rel="nofollow noopener noreferrer ugc">https://example.com/a?b=1</a>');
    expect(html).toContain('<a href="mailto:me@example.com" rel="nofollow noopener noreferrer ugc">me@example.com</a>');
    expect(html).toContain('<a href="https://docs.example.com" title="Docs" rel="nofollow noopener noreferrer ugc">docs</a>');
    // File names are not hosts: setup.py stays text.
    expect(renderMarkdown('run setup.py')).toBe('<p>run setup.py</p>\n');
  });

  it('renders tables without any style', () => {
    const html = renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |');
    expect(html).toContain('<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>');
    expect(html).toContain('<td>1</td>\n<td>2</td>');
    expect(html).not.toContain('style');
  });

  it('keeps only http(s) images and http(s)/mailto/relative links', () => {
    const html = renderMarkdown(
      '![ok](https://img.example.com/a.png "T") ![rel](/a.png) ![data](data:image/png;base64,AAAA) [js](javascript:alert(1)) [rel](/people/x) [pr](//evil.example)',
    );
    expect(html).toContain('<img src="https://img.example.com/a.png" alt="ok" title="T" />');
    expect(html).not.toMatch(/src="\/a\.png|data:|href="javascript:|evil/);
    expect(html).toContain('<a href="/people/x" rel="nofollow noopener noreferrer ugc">rel</a>');
  });

  it('keeps the nesting people write: lists eight deep, quotes of quotes', () => {
    const list = Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n');
    expect(renderMarkdown(`${list}\n\nafter`).match(/item\d|after/g)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `item${i}`),
      'after',
    ]);
    expect(renderMarkdown('> > > > > > quoted').match(/<blockquote>/g)).toHaveLength(6);
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<b onclick="x()">hi</b>')).toBe('<p>&lt;b onclick="x()"&gt;hi&lt;/b&gt;</p>\n');
  });
});

// ---------------------------------------------------------------------------------------
// The XSS corpus (security/xss-payloads.txt beside DESIGN.md), through every construct.

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

const VARIANTS: Record<string, (payload: string) => string> = {
  raw: (p) => p,
  'link destination': (p) => `[x](${p})`,
  'link text': (p) => `[${p}](https://example.com)`,
  image: (p) => `![x](${p})`,
  'image alt': (p) => `![${p}](https://example.com/a.png)`,
  autolink: (p) => `<${p}>`,
  'reference link': (p) => `[x]\n\n[x]: ${p}`,
  'code fence': (p) => `\`\`\`\n${p}\n\`\`\``,
  'highlighted fence': (p) => `\`\`\`html\n${p}\n\`\`\``,
  'mermaid fence': (p) => `\`\`\`mermaid\n${p}\n\`\`\``,
  'html block': (p) => `<div>\n${p}\n</div>`,
  'inline code': (p) => `\`${p}\``,
  'table cell': (p) => `| a |\n| --- |\n| ${p} |`,
  'mention name': (p) => `@[${p}](person:abc)`,
};

/** What the sanitiser may emit, restated here so that the test is the specification. */
const ALLOWED: Record<string, string[]> = {
  ...Object.fromEntries(
    ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 's', 'blockquote', 'ul', 'li'].map((t) => [t, []]),
  ),
  ...Object.fromEntries(['table', 'thead', 'tbody', 'tr', 'th', 'td'].map((t) => [t, []])),
  ol: ['start'],
  a: ['href', 'title', 'class', 'data-person-id', 'rel'],
  img: ['src', 'alt', 'title'],
  pre: ['class'],
  code: ['class'],
  span: ['class'],
};
const DANGEROUS_TAGS = /^(script|iframe|object|embed|form|svg|math|style|link|meta|base|frame|frameset|applet|template|noscript)$/;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'srcset']);

/**
 * The parser has already decoded entities; browsers also skip whitespace and control
 * characters in a URL's scheme, so `java&#9;script:` is still javascript:.
 */
function asBrowserReadsUrl(value: string): string {
  const visible = [...value.trim()].filter((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code > 0x20 && (code < 0x7f || code > 0x9f) && !/\s/.test(ch);
  });
  return visible.join('').toLowerCase();
}

/** Everything wrong with a piece of output, read with a real HTML parser. */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('contains "<script"');
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (DANGEROUS_TAGS.test(tag)) problems.push(`<${tag}>`);
        const allowed = ALLOWED[tag];
        if (!allowed) problems.push(`unexpected <${tag}>`);
        for (const [name, value] of Object.entries(attributes)) {
          if (name.startsWith('on')) problems.push(`event handler ${name} on <${tag}>`);
          if (name === 'style') problems.push(`style on <${tag}>`);
          if (allowed && !allowed.includes(name)) problems.push(`unexpected ${name} on <${tag}>`);
          const url = asBrowserReadsUrl(value);
          if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data):/.test(url)) problems.push(`${name}="${value}" on <${tag}>`);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

describe('the XSS corpus', () => {
  const corpus = loadCorpus();

  it('finds the inspector able to see what it looks for', () => {
    const found = problemsIn('<a href=" &#106;ava\tscript:x" onclick="y" style="z">a</a><svg></svg><img src="DATA:x">');
    expect(found.sort()).toEqual(
      [
        'event handler onclick on <a>',
        'style on <a>',
        'unexpected onclick on <a>',
        'unexpected style on <a>',
        'href=" java\tscript:x" on <a>',
        '<svg>',
        'unexpected <svg>',
        'src="DATA:x" on <img>',
      ].sort(),
    );
  });

  for (const [variant, wrap] of Object.entries(VARIANTS)) {
    it(`renders every payload inert: ${variant}`, { timeout: 120_000 }, () => {
      const started = performance.now();
      const failures: string[] = [];
      for (const payload of corpus) {
        const html = renderMarkdown(wrap(payload));
        const problems = problemsIn(html);
        if (problems.length > 0) failures.push(`${JSON.stringify(payload)} → ${problems.join('; ')}\n    ${html}`);
      }
      const ms = performance.now() - started;
      console.info(`XSS corpus [${variant}]: ${corpus.length} payloads in ${ms.toFixed(0)} ms`);
      expect(failures.slice(0, 10), `${failures.length} payloads were not inert`).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------
// Hostile input: 64 KiB (the post cap) built to trigger super-linear parsing.

const KIB_64 = 64 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(KIB_64 / unit.length)).slice(0, KIB_64);
const lines = (line: (i: number) => string) => {
  let text = '';
  for (let i = 0; text.length < KIB_64; i++) text += `${line(i)}\n`;
  return text.slice(0, KIB_64);
};
const fence = (language: string, body: string) => `\`\`\`${language}\n${body.slice(0, KIB_64 - 20)}\n\`\`\``;

const HOSTILE: Record<string, string> = {
  'open brackets': fill('['),
  'close brackets': fill(']'),
  'unclosed links': fill('[a]('),
  'unclosed images': fill('!['),
  'unclosed mentions': fill('@['),
  'almost mentions': fill('@[name](person:'),
  'nested quotes': fill('>'),
  'quote ladder': lines((i) => `${'>'.repeat(i % 200)} x`),
  'nested lists': lines((i) => `${' '.repeat((i % 300) * 2)}- x`),
  'nested ordered lists': lines((i) => `${' '.repeat((i % 300) * 3)}1. x`),
  'emphasis runs': fill('*a'),
  'mixed delimiters': fill('*_**__'),
  'unbalanced emphasis links': fill('*[a*](b)_'),
  backticks: fill('`a``b```'),
  backslashes: fill('\\'),
  'angle brackets': fill('<'),
  'html-ish': fill('<div><script>'),
  'entity starts': fill('&#'),
  strikethrough: fill('~~a'),
  'wide table': `${'|a'.repeat(6000)}|\n${'|-'.repeat(6000)}|\n${'|b'.repeat(6000)}|\n`,
  'link definitions': lines((i) => `[r${i}]: http://x/${i}`),
  'url-ish runs': fill('http://a.'),
  'email-ish runs': fill('a@b.'),
  'unclosed autolinks': fill('<http://a'),
  'fence markers': fill('```\n'),
  'controls and bidi': fill('\u202e\u0000\ud83d\ude00'),
  'js fence, quotes': fence('js', fill('"\\"\'')),
  'kotlin fence, quotes': fence('kotlin', fill('"\\"\'')),
  'json fence, templates': fence('json', fill('`${`${')),
  'yaml fence, words': fence('yaml', fill('if else fn x = 1; ')),
  'bash fence, punctuation': fence('bash', fill('"\'`${([{<!--/*#\\')),
  'xml fence, comments': fence('xml', fill('<!--<a b="<!--')),
};

/** CPU time of this process: on a shared machine the wall clock also measures the neighbours. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('hostile input', () => {
  it('renders 64 KiB of each kind in under 200 ms', { timeout: 180_000 }, () => {
    renderMarkdown('warm up the grammars');
    const slow: string[] = [];
    const timings: string[] = [];
    for (const [name, source] of Object.entries(HOSTILE)) {
      // The best of five: we are measuring the algorithm, not the machine's other work.
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 5; run++)
        best = Math.min(
          best,
          cpuMs(() => renderMarkdown(source)),
        );
      timings.push(`${name}: ${best.toFixed(0)} ms`);
      if (best >= 200) slow.push(`${name}: ${best.toFixed(0)} ms`);
    }
    console.info(`Hostile 64 KiB inputs (CPU ms, best of 5):\n  ${timings.join('\n  ')}`);
    expect(slow).toEqual([]);
  });
});

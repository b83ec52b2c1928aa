import { type Rng, Zipf } from './random.ts';
import { ADJECTIVES, INLINE_CODE, NOUNS, RARE_TERMS, VERBS } from './vocabulary.ts';

/**
 * Generated Markdown and its HTML, built together from one structure.
 *
 * Rendering a million posts through markdown-it + highlight.js + sanitize-html would take
 * longer than the whole load budget, so the generator emits the source and the HTML the
 * server's renderer would store for it side by side (same element set: p, ul/ol/li, code,
 * pre > code.hljs.language-x, strong, blockquote, h2/h3 with ids for pages), escaping every
 * piece of text. The HTML is sanitiser-equivalent, not byte-identical: code blocks come
 * without highlight.js's token spans.
 */
export type Rendered = { markdown: string; html: string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NEEDS_ESCAPE = /[&<>"]/;
export const escapeHtml = (text: string) => (NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string) : text);

const nouns = new Zipf(NOUNS.length, 1.0);
const verbs = new Zipf(VERBS.length, 1.0);
const adjectives = new Zipf(ADJECTIVES.length, 1.0);
/** Chance per sentence of a rare term: with ~5 sentences a post, each rare term lands in a few dozen posts per million. */
const RARE_RATE = 0.0025;

type Piece = { md: string; html: string };
const plain = (text: string): Piece => ({ md: text, html: escapeHtml(text) });

/** What shapes a post's wording: its community's own terms weigh in beside the general vocabulary. */
export type Flavour = { terms: string[] };

function noun(rng: Rng, flavour: Flavour): string {
  return rng.chance(0.3) ? rng.pick(flavour.terms) : (NOUNS[nouns.rank(rng)] as string);
}
const verb = (rng: Rng) => VERBS[verbs.rank(rng)] as string;
const adjective = (rng: Rng) => ADJECTIVES[adjectives.rank(rng)] as string;

const SENTENCES: ((n: () => string, v: () => string, a: () => string) => string)[] = [
  (n, v) => `We had to ${v()} the ${n()} before every ${n()}`,
  (n, _v, a) => `The ${a()} ${n()} kept failing until someone looked at the ${n()}`,
  (n, v) => `Has anyone tried to ${v()} the ${n()} without touching the ${n()}`,
  (n, v, a) => `In our team the ${n()} is ${a()}, so we ${v()} it in the ${n()}`,
  (n, v) => `My rule of thumb: ${v()} the ${n()} first, then ${v()} the ${n()}`,
  (n, _v, a) => `It turned out the ${n()} was ${a()} because of the ${n()}`,
  (n, v) => `You can ${v()} the ${n()} from the ${n()} if you set it up once`,
  (n, v, a) => `A ${a()} ${n()} is usually a sign that nobody owns the ${n()}; ${v()} it early`,
  (n, v) => `Last quarter we tried to ${v()} every ${n()} and it cut the ${n()} in half`,
  (n, _v, a) => `I would not call the ${n()} ${a()}, but the ${n()} around it certainly is`,
  (n, v) => `The docs say to ${v()} the ${n()}, which does not work with our ${n()}`,
  (n, v, a) => `If the ${n()} is ${a()} you should ${v()} it and watch the ${n()}`,
  (n) => `Thanks, that explains the ${n()} we saw on the ${n()} last week`,
  (n, v) => `Could we ${v()} the ${n()} as part of the ${n()} instead`,
  (n, _v, a) => `The ${n()} looks ${a()} on the dashboard but the ${n()} disagrees`,
  (n, v) => `We now ${v()} the ${n()} automatically whenever the ${n()} changes`,
];

function sentence(rng: Rng, flavour: Flavour): Piece[] {
  const template = rng.pick(SENTENCES);
  let text = template(
    () => noun(rng, flavour),
    () => verb(rng),
    () => adjective(rng),
  );
  text = text.charAt(0).toUpperCase() + text.slice(1);
  const pieces: Piece[] = [plain(text)];
  if (rng.chance(RARE_RATE)) pieces.push(plain(` (${rng.pick(RARE_TERMS)} again)`));
  if (rng.chance(0.12)) {
    const code = rng.pick(INLINE_CODE);
    pieces.push(plain(' with '), { md: `\`${code}\``, html: `<code>${escapeHtml(code)}</code>` });
  }
  if (rng.chance(0.05)) {
    const word = noun(rng, flavour);
    pieces.push(plain(', and the '), { md: `**${word}**`, html: `<strong>${escapeHtml(word)}</strong>` }, plain(' matters most'));
  }
  pieces.push(plain(text.startsWith('Has') || text.startsWith('Could') ? '?' : '.'));
  return pieces;
}

function paragraph(rng: Rng, flavour: Flavour, sentences: number): Piece {
  const parts: Piece[] = [];
  for (let i = 0; i < sentences; i++) {
    if (i > 0) parts.push(plain(' '));
    parts.push(...sentence(rng, flavour));
  }
  return { md: parts.map((p) => p.md).join(''), html: parts.map((p) => p.html).join('') };
}

const CODE_BLOCKS: { lang: string; lines: (rng: Rng, flavour: Flavour) => string[] }[] = [
  {
    lang: 'ts',
    lines: (rng, f) => [
      `const ${rng.pick(f.terms)}Client = createClient({ timeoutMs: ${rng.int(1, 30) * 100}, retries: ${rng.int(0, 5)} });`,
      `const result = await ${rng.pick(f.terms)}Client.fetch(id, { signal: AbortSignal.timeout(5_000) });`,
      'if (!result.ok && result.status >= 500) throw new RetryableError(result.status);',
    ],
  },
  {
    lang: 'yaml',
    lines: (rng) => [
      'resources:',
      `  requests: { cpu: ${rng.int(1, 8) * 100}m, memory: ${rng.int(1, 16) * 128}Mi }`,
      `  limits: { memory: ${rng.int(2, 32) * 128}Mi }`,
      'readinessProbe:',
      `  httpGet: { path: /readyz, port: ${rng.pick([3000, 8080, 9090])} }`,
    ],
  },
  {
    lang: 'sql',
    lines: (rng, f) => [
      `SELECT id, created_at FROM ${rng.pick(f.terms)}_events`,
      `WHERE tenant_id = $1 AND created_at > now() - interval '${rng.int(1, 30)} days'`,
      'ORDER BY created_at DESC LIMIT 50;',
    ],
  },
  {
    lang: 'bash',
    lines: (rng) => [
      `for i in $(seq 1 ${rng.int(3, 20)}); do`,
      '  curl -s -o /dev/null -w "%{http_code} %{time_total}\\n" "$URL" && sleep 1',
      'done | sort | uniq -c',
    ],
  },
  {
    lang: 'go',
    lines: (rng) => [
      `ctx, cancel := context.WithTimeout(ctx, ${rng.int(1, 10)}*time.Second)`,
      'defer cancel()',
      'if err := client.Do(ctx, req); err != nil && !errors.Is(err, context.Canceled) {',
      '\treturn fmt.Errorf("calling upstream: %w", err)',
      '}',
    ],
  },
  {
    lang: 'python',
    lines: (rng, f) => [
      `async def load_${rng.pick(f.terms)}(ids: list[str]) -> dict[str, Row]:`,
      `    rows = await asyncio.gather(*(fetch(i) for i in ids[:${rng.int(10, 500)}]))`,
      '    return {r.id: r for r in rows if r is not None}',
    ],
  },
  {
    lang: 'text',
    lines: (rng) => [
      `${rng.pick(RARE_TERMS.slice(0, 9))}: connect failed after ${rng.int(2, 60)}s`,
      '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)',
      `    at retry (/srv/app/lib/retry.js:${rng.int(10, 300)}:9)`,
    ],
  },
];

function codeBlock(rng: Rng, flavour: Flavour): Piece {
  const block = rng.pick(CODE_BLOCKS);
  const source = block.lines(rng, flavour).join('\n');
  return {
    md: `\`\`\`${block.lang}\n${source}\n\`\`\``,
    html: `<pre><code class="hljs language-${block.lang}">${escapeHtml(source)}\n</code></pre>`,
  };
}

function list(rng: Rng, flavour: Flavour, ordered: boolean): Piece {
  const items: Piece[] = [];
  const count = rng.int(2, 5);
  for (let i = 0; i < count; i++) items.push(paragraph(rng, flavour, 1));
  const tag = ordered ? 'ol' : 'ul';
  return {
    md: items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${item.md}`).join('\n'),
    html: `<${tag}>\n${items.map((item) => `<li>${item.html}</li>`).join('\n')}\n</${tag}>`,
  };
}

function quote(rng: Rng, flavour: Flavour): Piece {
  const p = paragraph(rng, flavour, 1);
  return { md: `> ${p.md}`, html: `<blockquote>\n<p>${p.html}</p>\n</blockquote>` };
}

const join = (blocks: Piece[]): Rendered => ({
  markdown: blocks.map((b) => b.md).join('\n\n'),
  html: `${blocks.map((b) => b.html).join('\n')}\n`,
});

const para = (p: Piece): Piece => ({ md: p.md, html: `<p>${p.html}</p>` });

/**
 * A forum post: mostly one or two short paragraphs, sometimes a list or a code block, now and
 * then a long write-up. Median about 300 characters, mean about 500, a tail of a few KB.
 */
export function postBody(rng: Rng, flavour: Flavour): Rendered {
  const r = rng.next();
  const blockCount = r < 0.45 ? 1 : r < 0.75 ? 2 : r < 0.95 ? rng.int(3, 5) : rng.int(6, 12);
  const blocks: Piece[] = [];
  for (let i = 0; i < blockCount; i++) {
    const kind = i === 0 ? 0 : rng.next();
    if (kind < 0.62) blocks.push(para(paragraph(rng, flavour, rng.int(1, 4))));
    else if (kind < 0.77) blocks.push(list(rng, flavour, rng.chance(0.3)));
    else if (kind < 0.92) blocks.push(codeBlock(rng, flavour));
    else blocks.push(quote(rng, flavour));
  }
  return join(blocks);
}

/** A knowledge page: its template's headings (with the ids pages' HTML carries), each with some text. */
export function pageBody(
  rng: Rng,
  flavour: Flavour,
  headings: string[],
): Rendered & { toc: { level: number; id: string; text: string }[] } {
  const blocks: Piece[] = [para(paragraph(rng, flavour, rng.int(2, 4)))];
  const toc: { level: number; id: string; text: string }[] = [];
  for (const heading of headings) {
    const id = `h-${heading
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`;
    toc.push({ level: 2, id, text: heading });
    blocks.push({ md: `## ${heading}`, html: `<h2 id="${id}">${escapeHtml(heading)}</h2>` });
    blocks.push(para(paragraph(rng, flavour, rng.int(1, 5))));
    if (rng.chance(0.35)) blocks.push(list(rng, flavour, rng.chance(0.5)));
    if (rng.chance(0.2)) blocks.push(codeBlock(rng, flavour));
  }
  return { ...join(blocks), toc };
}

/** A short description (events, bios): one paragraph. */
export function shortText(rng: Rng, flavour: Flavour, sentences: number): Rendered {
  return join([para(paragraph(rng, flavour, sentences))]);
}

export const pickNoun = noun;
export const pickVerb = verb;
export const pickAdjective = adjective;

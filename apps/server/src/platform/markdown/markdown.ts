import MarkdownIt, { type Token } from 'markdown-it';
import { highlight } from './highlight.ts';
import { type MentionMeta, mentions } from './mentions.ts';
import { type PageEnvState, type PageLinks, pageSyntax, type TocEntry } from './page-syntax.ts';
import { sanitize } from './sanitize.ts';

/**
 * The one Markdown renderer for every user-written field (posts, event descriptions, pages).
 * Rendering happens on the server, once per write, so readers get stored HTML and the
 * sanitiser's allowlist is the single place that decides what markup reaches a browser.
 *
 * Callers cap the input (a post is at most 64 KiB); the renderer itself stays fast on
 * hostile input because markdown-it's parsers are linear and nesting is capped below.
 */
const md = new MarkdownIt('default', {
  // Raw HTML is shown as text: people paste snippets far more often than they mean markup.
  html: false,
  linkify: true,
  typographer: false,
  // CommonMark's own limit: lists nine deep, quotes of quotes nineteen deep; anything deeper
  // is dropped. It also bounds link-label lookahead, whose cost on `![![![…` grows with it.
  maxNesting: 20,
});
md.use(mentions);
md.use(pageSyntax);

/** A language name we will put into a class attribute: letters, digits and a few symbols. */
const LANGUAGE = /^[A-Za-z0-9_+#.-]{1,32}$/;

/**
 * Characters of code highlighted per document. Highlighting multiplies the HTML about
 * tenfold (a span per token), and the sanitiser's cost follows the HTML: a 64 KiB log dump
 * gains nothing from colours but would triple the time to render it. Beyond the budget,
 * code is shown plain.
 */
const HIGHLIGHT_BUDGET = 16 * 1024;
type RenderEnv = { highlightBudget: number; page?: PageEnvState };

md.renderer.rules.fence = (tokens, idx, _options, env) => {
  const token = tokens[idx] as Token;
  const budget = env as RenderEnv;
  const language = token.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const source = token.content;
  // Diagrams render lazily in the browser; the server only hands over the escaped source.
  if (language === 'mermaid') return `<pre class="mermaid">${md.utils.escapeHtml(source)}</pre>\n`;
  const highlighted = source.length <= budget.highlightBudget ? highlight(source, language) : undefined;
  if (highlighted !== undefined) budget.highlightBudget -= source.length;
  const languageClass = LANGUAGE.test(language) ? ` language-${language}` : '';
  const body = highlighted ?? md.utils.escapeHtml(source);
  return `<pre><code class="hljs${languageClass}">${body}</code></pre>\n`;
};

/** Markdown → HTML that is safe to insert into a page as it is. */
export function renderMarkdown(source: string): string {
  const env: RenderEnv = { highlightBudget: HIGHLIGHT_BUDGET };
  return sanitize(md.render(source, env));
}

/** People mentioned with `@[Name](person:<id>)`, each once, in order; code spans and blocks do not mention. */
export function extractMentionIds(source: string): string[] {
  const ids = new Set<string>();
  for (const block of md.parse(source, {})) {
    for (const token of block.children ?? []) {
      if (token.type === 'mention') ids.add((token.meta as MentionMeta).id);
    }
  }
  return [...ids];
}

export type { PageLinks, TocEntry } from './page-syntax.ts';

/** A knowledge page parsed once: what it links to is known before its links are resolved. */
export type ParsedPage = {
  /** `[[titles]]` the page names, each once, as written. */
  titles: string[];
  /** `![[whiteboard:<id>]]` embeds, each once, in order. */
  whiteboardIds: string[];
  /** Its headings, with the ids they carry in the HTML. */
  toc: TocEntry[];
  readonly tokens: Token[];
};

/**
 * Parses a page's Markdown (with `[[links]]`, whiteboard embeds and heading ids); render it with
 * renderParsedPage once the community has said which titles and whiteboards exist.
 */
export function parsePage(source: string): ParsedPage {
  const page: PageEnvState = { titles: [], whiteboardIds: [], toc: [] };
  const tokens = md.parse(source, { highlightBudget: HIGHLIGHT_BUDGET, page } satisfies RenderEnv);
  return { titles: page.titles, whiteboardIds: page.whiteboardIds, toc: page.toc, tokens };
}

/** The page's HTML, through the same sanitiser as every other field. */
export function renderParsedPage(parsed: ParsedPage, links: PageLinks): string {
  const env: RenderEnv = { highlightBudget: HIGHLIGHT_BUDGET, page: { titles: [], whiteboardIds: [], toc: [], links } };
  return sanitize(md.renderer.render(parsed.tokens, md.options, env));
}

import type { MarkdownIt, StateCore, StateInline, Token } from 'markdown-it';
import type { MentionMeta } from './mentions.ts';

/**
 * What only knowledge pages have: `[[Page title]]` (or `[[Page title|label]]`) links to pages of
 * the same community, `![[whiteboard:<id>]]` embeds, and heading ids with a table of contents.
 * Every rule here is inert unless the render's env carries `page`, so posts and every other
 * field keep rendering exactly as before.
 */

/** How a page's community resolves what the page names; see renderParsedPage in markdown.ts. */
export type PageLinks = {
  /** The address of the published page a link names, or undefined when there is none yet. */
  pageHref(title: string): string | undefined;
  /** Where "create this page" goes for a title nobody has written yet. */
  missingPageHref(title: string): string;
  /** A whiteboard of the community, or undefined when there is no such whiteboard there. */
  whiteboard(id: string): { href: string; title: string } | undefined;
};

export type TocEntry = { level: number; id: string; text: string };

/** Collected while parsing; `links` is only known (and needed) when rendering. */
export type PageEnvState = { titles: string[]; whiteboardIds: string[]; toc: TocEntry[]; links?: PageLinks };
type Env = { page?: PageEnvState };

type WikilinkMeta = { title: string; label: string };

// Bounded, like mentions: a title is a line of at most 200 characters without brackets or bars.
const WIKILINK = /^\[\[([^[\]|\n]{1,200})(?:\|([^[\]\n]{1,200}))?\]\]/;
const WIKILINK_WINDOW = 2 + 200 + 1 + 200 + 2;
const EMBED = /^!\[\[whiteboard:([A-Za-z0-9-]{1,64})\]\]/;
const EMBED_WINDOW = 3 + 11 + 64 + 2;
/** The ids a heading may carry; the sanitiser keeps no other. */
export const HEADING_ID = /^h-[a-z0-9-]{1,80}$/;
/** Whiteboard ids are opaque; this is the alphabet an embed may carry into an attribute. */
export const WHITEBOARD_ID = /^[A-Za-z0-9-]{1,64}$/;

function wikilinkRule(state: StateInline, silent: boolean): boolean {
  // Inside a link's text a wikilink would nest one anchor in another.
  if (!(state.env as Env).page || state.linkLevel > 0) return false;
  if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */ || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false;
  const match = WIKILINK.exec(state.src.slice(state.pos, Math.min(state.posMax, state.pos + WIKILINK_WINDOW)));
  const title = match?.[1]?.trim();
  if (!match || !title) return false;
  if (!silent) {
    const token = state.push('wikilink', '', 0);
    token.meta = { title, label: match[2]?.trim() || title } satisfies WikilinkMeta;
  }
  state.pos += match[0].length;
  return true;
}

function embedRule(state: StateInline, silent: boolean): boolean {
  if (!(state.env as Env).page || state.linkLevel > 0 || state.src.charCodeAt(state.pos) !== 0x21 /* ! */) return false;
  const match = EMBED.exec(state.src.slice(state.pos, Math.min(state.posMax, state.pos + EMBED_WINDOW)));
  if (!match?.[1]) return false;
  if (!silent) state.push('whiteboard_embed', '', 0).meta = { id: match[1] };
  state.pos += match[0].length;
  return true;
}

/** A heading's words as plain text, for its id and the table of contents. */
function plainText(children: Token[] | null): string {
  let text = '';
  for (const t of children ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') text += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') text += ' ';
    else if (t.type === 'wikilink') text += (t.meta as WikilinkMeta).label;
    else if (t.type === 'mention') text += `@${(t.meta as MentionMeta).name}`;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** After inline parsing: heading ids and the outline, and every title and whiteboard the page names. */
function outline(state: StateCore): void {
  const page = (state.env as Env).page;
  if (!page) return;
  const usedIds = new Set<string>();
  const titles = new Set<string>();
  const boards = new Set<string>();
  state.tokens.forEach((token, i) => {
    if (token.type === 'heading_open') {
      const text = plainText(state.tokens[i + 1]?.children ?? null);
      const base = `h-${slug(text) || 'section'}`;
      let id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
      token.attrSet('id', id);
      page.toc.push({ level: Number(token.tag.slice(1)), id, text });
    }
    for (const child of token.children ?? []) {
      if (child.type === 'wikilink') titles.add((child.meta as WikilinkMeta).title);
      if (child.type === 'whiteboard_embed') boards.add((child.meta as { id: string }).id);
    }
  });
  page.titles.push(...titles);
  page.whiteboardIds.push(...boards);
}

export function pageSyntax(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wikilink', wikilinkRule);
  md.inline.ruler.before('image', 'whiteboard_embed', embedRule);
  md.core.ruler.push('page_outline', outline);
  const escapeHtml = md.utils.escapeHtml;

  md.renderer.rules.wikilink = (tokens, idx, _options, env) => {
    const { title, label } = (tokens[idx] as Token).meta as WikilinkMeta;
    const links = (env as Env).page?.links;
    if (!links) return escapeHtml(`[[${title}]]`);
    const href = links.pageHref(title);
    return href
      ? `<a class="wikilink" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`
      : `<a class="wikilink-missing" href="${escapeHtml(links.missingPageHref(title))}">${escapeHtml(label)}</a>`;
  };

  md.renderer.rules.whiteboard_embed = (tokens, idx, _options, env) => {
    const { id } = (tokens[idx] as Token).meta as { id: string };
    const board = (env as Env).page?.links?.whiteboard(id);
    if (!board) return '<em>(whiteboard not found)</em>';
    return `<a class="whiteboard-embed" href="${escapeHtml(board.href)}" data-whiteboard-id="${escapeHtml(id)}">${escapeHtml(`Whiteboard: ${board.title}`)}</a>`;
  };
}

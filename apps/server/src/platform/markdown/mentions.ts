import type { MarkdownIt, StateInline, Token } from 'markdown-it';

/** Person ids are opaque; this is the alphabet a mention may carry into an href. */
export const PERSON_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * `@[Display Name](person:<id>)`. Names and ids are bounded, and the pattern is matched on a
 * bounded window, so 64 KiB of `@[` costs a linear scan, never a quadratic one.
 */
const MENTION = /^@\[([^[\]\n\\]{1,100})\]\(person:([A-Za-z0-9-]{1,64})\)/;
const WINDOW = 2 + 100 + 9 + 64 + 1;

export type MentionMeta = { id: string; name: string };

function mentionRule(state: StateInline, silent: boolean): boolean {
  // A mention inside a link's text would nest one anchor in another.
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */ || state.linkLevel > 0) return false;
  const match = MENTION.exec(state.src.slice(state.pos, Math.min(state.posMax, state.pos + WINDOW)));
  const name = match?.[1]?.trim();
  const id = match?.[2];
  if (!match || !name || !id) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.meta = { id, name } satisfies MentionMeta;
  }
  state.pos += match[0].length;
  return true;
}

export function mentions(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'mention', mentionRule);
  md.renderer.rules.mention = (tokens, idx) => {
    const { id, name } = (tokens[idx] as Token).meta as MentionMeta;
    return `<a class="mention" href="/people/${id}" data-person-id="${id}">@${md.utils.escapeHtml(name)}</a>`;
  };
}

import { badRequest } from '../../errors.ts';

/**
 * The search box's syntax, the same on both dialects: words (all must match), "exact
 * phrases", -excluded words or -"phrases", and OR between alternatives (`redis OR memcached`).
 * A term is a list of plain words (a phrase when longer than one), so punctuation can never
 * reach an engine's own query language: `node.js` becomes the phrase "node js", exactly what
 * both tokenizers make of it in the documents.
 */
export type Term = string[];
export type ParsedQuery = {
  /** Each group is a set of alternatives; every group must match. */
  groups: Term[][];
  excluded: Term[];
};

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string): Term => (text.toLowerCase().match(WORD) ?? []).slice(0, 12);

export function parseQuery(input: string): ParsedQuery {
  const tokens: { term: Term; negated: boolean; or: boolean }[] = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (bare === 'OR') {
      tokens.push({ term: [], negated: false, or: true });
      continue;
    }
    const negated = minus === '-' || (bare?.startsWith('-') ?? false);
    const term = wordsOf(phrase ?? bare?.replace(/^-/, '') ?? '');
    if (term.length) tokens.push({ term, negated, or: false });
  }

  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token.or) {
      joinNext = groups.length > 0;
      continue;
    }
    if (token.negated) excluded.push(token.term);
    else if (joinNext) groups[groups.length - 1]?.push(token.term);
    else groups.push([token.term]);
    joinNext = false;
  }
  if (!groups.length) {
    throw badRequest('search.query_needs_words', 'Type at least one word to look for (excluded words alone match nothing).', [
      { field: 'q', message: 'Add a word or "a phrase" to search for.' },
    ]);
  }
  return { groups: groups.slice(0, 16), excluded: excluded.slice(0, 8) };
}

const quote = (term: Term) => `"${term.join(' ')}"`;

/** SQLite FTS5 MATCH expression: every token is quoted, so it is only ever a word or a phrase. */
export function toFts5(query: ParsedQuery): string {
  const groups = query.groups.map((g) => (g.length === 1 ? quote(g[0] as Term) : `(${g.map(quote).join(' OR ')})`));
  return [groups.join(' AND '), ...query.excluded.map((t) => `NOT ${quote(t)}`)].join(' ');
}

/**
 * PostgreSQL tsquery built from plainto/phraseto_tsquery over bound parameters, so user text
 * is never parsed as tsquery syntax. Returns the expression and its parameters in order.
 */
export function toTsquery(query: ParsedQuery, config = 'english'): { expression: string; params: string[] } {
  const params: string[] = [];
  const one = (term: Term) => {
    params.push(term.join(' '));
    return `${term.length > 1 ? 'phraseto_tsquery' : 'plainto_tsquery'}('${config}', $${params.length})`;
  };
  const groups = query.groups.map((g) => `(${g.map(one).join(' || ')})`);
  const excluded = query.excluded.map((t) => `!!${one(t)}`);
  return { expression: [...groups, ...excluded].join(' && '), params };
}

/** Words for title suggestions: all complete but the last, which is a prefix. */
export function suggestionTerms(input: string): string[] {
  return wordsOf(input).slice(0, 6);
}

/** The query as a title would read, for lifting an exact title match to the top. */
export const normalisedTitle = (text: string) => wordsOf(text).join(' ');

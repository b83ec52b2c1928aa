import type { ParsedQuery } from './query-syntax.ts';

/**
 * BM25 over a window of candidates, for queries whose words are too common for the engine's
 * own bm25() to be affordable: FTS5 computes a word's document frequency by reading its whole
 * doclist, hundreds of milliseconds for a word in half the posts. Here term frequencies come
 * from the candidates' own text and document frequencies from the window itself, which ranks
 * the window the way BM25 would rank it as a collection (k1 = 1.2, b = 0.75, titles × 4).
 */
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 4;

/** A crude English stem, enough that "deploying" counts for "deploy" as the engines' stemmers do. */
const stem = (word: string) => word.replace(/(ations?|ments?|ings?|ed|es|s)$/u, '').slice(0, 12) || word;

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Occurrences of words starting with `prefix`: native indexOf, no tokenising of the text. */
function countWordsStartingWith(text: string, prefix: string): number {
  let count = 0;
  for (let i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + prefix.length)) {
    if (!isWordChar(text[i - 1])) count++;
  }
  return count;
}

/** Roughly the number of words, as BM25's length normalisation needs, without splitting. */
const approximateWords = (text: string) => Math.ceil(text.length / 6);

export type RankableText = { title: string; body: string };

export function windowBm25(query: ParsedQuery, docs: RankableText[]): number[] {
  const terms = [...new Set(query.groups.flat().flatMap((term) => term.map(stem)))];
  const texts = docs.map((d) => ({ title: d.title.toLowerCase(), body: d.body.toLowerCase() }));
  const lengths = texts.map((t) => TITLE_WEIGHT * approximateWords(t.title) + approximateWords(t.body));
  const averageLength = lengths.reduce((sum, l) => sum + l, 0) / Math.max(1, lengths.length);
  const frequencies = texts.map((t) =>
    terms.map((term) => TITLE_WEIGHT * countWordsStartingWith(t.title, term) + countWordsStartingWith(t.body, term)),
  );
  const documentFrequency = terms.map((_, j) => frequencies.filter((f) => (f[j] ?? 0) > 0).length);
  const n = docs.length;
  return frequencies.map((tfs, i) => {
    const norm = K1 * (1 - B + (B * (lengths[i] ?? 0)) / Math.max(1, averageLength));
    let score = 0;
    tfs.forEach((tf, j) => {
      if (!tf) return;
      const df = documentFrequency[j] ?? 0;
      // Never zero: a word in every candidate still separates them by frequency and length.
      const idf = Math.log(1 + (n + 1) / (df + 0.5));
      score += (idf * tf * (K1 + 1)) / (tf + norm);
    });
    return score;
  });
}

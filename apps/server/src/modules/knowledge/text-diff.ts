import type { DiffSegment, PageDiff, TextDiff } from '@guildhall/shared';
import { type ChangeObject, diffLines, diffWordsWithSpace } from 'diff';

/** Word diffs are quadratic in the worst case; beyond this a changed block is shown whole. */
const WORD_DIFF_TIMEOUT_MS = 250;
const WORDS = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

const countWords = (text: string) => text.match(WORDS)?.length ?? 0;

function push(segments: DiffSegment[], type: DiffSegment['type'], text: string) {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.type === type) last.text += text;
  else segments.push({ type, text });
}

/**
 * An inline, word-level diff that stays cheap on a 1 MiB page: lines first (fast, and most of
 * a page is unchanged), then each run of changed lines word by word. Deletions come before
 * insertions at each place, so equal + delete reads as the old text, equal + insert as the new.
 */
export function textDiff(before: string, after: string): TextDiff {
  const segments: DiffSegment[] = [];
  if (before === after) {
    push(segments, 'equal', before);
    return { changed: false, segments, inserted: 0, deleted: 0 };
  }
  const lines: ChangeObject<string>[] = diffLines(before, after) ?? [];
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i] as ChangeObject<string>;
    const next = lines[i + 1];
    if (change.removed && next?.added) {
      wordLevel(segments, change.value, next.value);
      i++;
    } else {
      push(segments, change.added ? 'insert' : change.removed ? 'delete' : 'equal', change.value);
    }
  }
  let inserted = 0;
  let deleted = 0;
  for (const s of segments) {
    if (s.type === 'insert') inserted += countWords(s.text);
    if (s.type === 'delete') deleted += countWords(s.text);
  }
  return { changed: true, segments, inserted, deleted };
}

function wordLevel(segments: DiffSegment[], removed: string, added: string) {
  const words = diffWordsWithSpace(removed, added, { timeout: WORD_DIFF_TIMEOUT_MS });
  if (!words) {
    push(segments, 'delete', removed);
    push(segments, 'insert', added);
    return;
  }
  // Group each run of changes so that its deletions read before its insertions.
  let deletes = '';
  let inserts = '';
  const flush = () => {
    push(segments, 'delete', deletes);
    push(segments, 'insert', inserts);
    deletes = '';
    inserts = '';
  };
  for (const w of words) {
    if (w.removed) deletes += w.value;
    else if (w.added) inserts += w.value;
    else {
      flush();
      push(segments, 'equal', w.value);
    }
  }
  flush();
}

type Version = { version: number; title: string; body_source: string };

/** What changed between two revisions of a page: its title and its body. */
export const pageDiff = (from: Version, to: Version): PageDiff => ({
  from: from.version,
  to: to.version,
  title: textDiff(from.title, to.title),
  body: textDiff(from.body_source, to.body_source),
});

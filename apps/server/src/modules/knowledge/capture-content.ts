import {
  EVENT_FORMAT_LABELS,
  type OccurrenceDetail,
  type OccurrenceReflections,
  PAGE_TEMPLATES,
  type PageKind,
  type Post,
  type Thread,
} from '@guildhall/shared';

/**
 * The Markdown of a captured page, built from its source. Authors are credited only when they
 * wrote under their name: an anonymous post contributes its text and nothing about who wrote it.
 * Reflections are gathered without names and in alphabetical order, so that no item can be
 * traced back to a person by its position.
 */

const credit = (label: string, post: Post) =>
  post.author.anonymous
    ? ''
    : `\n\n_${label} @[${post.author.person.name.replace(/[[\]\\\n]/g, ' ').slice(0, 100)}](person:${post.author.person.id})_`;

const shown = (post: Post, missing: string) => (post.status === 'visible' ? post.body.trim() : `_${missing}_`);

/** Sections of a template, filled where there is something to put, the rest left to write. */
function sections(kind: PageKind, fill: Record<number, string>, lead: string): string {
  const body = PAGE_TEMPLATES[kind].headings.map((h, i) => `## ${h}\n\n${fill[i] ? `${fill[i]}\n\n` : ''}`).join('');
  return `${lead}\n\n${body}`;
}

/** Where the answer goes: under the heading that says what was settled. */
const ANSWER_SECTION: Partial<Record<PageKind, number>> = { decision: 2, 'how-to': 2 };

/** A question and its accepted answer, or a challenge and the post that solved it. */
export function threadCapture(thread: Thread, answer: Post, kind: PageKind, link: string): string {
  const source = thread.kind === 'question' ? 'question' : 'challenge';
  const lead = `> Captured from the ${source} [${thread.title.replace(/[[\]]/g, '')}](${link}).`;
  const asked =
    shown(thread.firstPost, `The ${source} is no longer shown.`) +
    credit(thread.kind === 'question' ? 'Asked by' : 'Brought by', thread.firstPost);
  const answered = shown(answer, 'The answer is no longer shown.') + credit(thread.kind === 'question' ? 'Answer by' : 'Solved by', answer);
  return sections(kind, { 0: asked, [ANSWER_SECTION[kind] ?? 1]: answered }, lead);
}

/** Each reflection's words once, without names, alphabetically; blank ones left out. */
function gathered(items: string[]): string {
  const seen = new Map<string, string>();
  for (const item of items) {
    const line = item.replace(/\s+/g, ' ').trim();
    if (line && !seen.has(line.toLowerCase())) seen.set(line.toLowerCase(), line);
  }
  return [...seen.values()]
    .sort((a, b) => a.localeCompare(b))
    .map((l) => `- ${l}`)
    .join('\n');
}

/** A session's notes and, for those who may read them, its reflections gathered without names. */
export function occurrenceCapture(
  occurrence: OccurrenceDetail,
  reflections: OccurrenceReflections | null,
  kind: PageKind,
  link: string,
): string {
  const when = occurrence.start.replace('T', ' ');
  const lead = `> Captured from the session [${occurrence.title.replace(/[[\]]/g, '')}](${link}) (${EVENT_FORMAT_LABELS[occurrence.format]}, ${when}).`;
  const reading = occurrence.reading ? `[${occurrence.reading.title.replace(/[[\]]/g, '')}](${occurrence.reading.url})` : '';
  const notes = occurrence.notes.trim();
  const items = reflections?.reflections ?? [];
  const learned = gathered(items.map((r) => r.learned));
  const willTry = gathered(items.map((r) => r.willTry));
  const unclear = gathered(items.map((r) => r.unclear));
  const summary = reflections?.summary;
  const rating =
    summary && summary.count > 0 && summary.averageRating !== null
      ? `_Rated ${summary.averageRating} out of 5 in ${summary.count} reflection${summary.count === 1 ? '' : 's'}._`
      : '';
  const join = (...parts: string[]) => parts.filter(Boolean).join('\n\n');
  if (kind === 'reading-notes') {
    return sections(kind, { 0: reading, 1: notes, 2: join(learned, unclear && `Still unclear:\n\n${unclear}`, rating), 3: willTry }, lead);
  }
  // lesson-learned (the default) and every other kind: what happened, what we learned, what we change, what is open.
  return sections(kind, { 0: join(reading, notes), 1: join(learned, rating), 2: willTry, 3: unclear }, lead);
}

import { type PageKind, REVIEW_MONTHS } from '@guildhall/shared';

/**
 * A title as links name it: Unicode-normalised, trimmed, inner spaces collapsed, lower case.
 * "Deploy  Checklist" and "deploy checklist" are the same page. Computed here, never in SQL,
 * so SQLite (ASCII-only lower()) and PostgreSQL agree on what "the same title" is.
 */
export const titleKey = (title: string): string => title.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Any text (a thread's title, a file name, a heading) as a page title: no link delimiters, no line breaks, not too long. */
export function asPageTitle(text: string): string {
  const cleaned = text
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/\|/g, '/')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 180)
    .trim();
  return cleaned || 'Captured page';
}

/** Today's date (UTC) as YYYY-MM-DD. */
export const today = (at: Date = new Date()): string => at.toISOString().slice(0, 10);

/** The review date of a page of this kind reviewed today; month ends clamp (31 Aug + 6 months = 28/29 Feb). */
export function reviewDateFor(kind: PageKind, from: Date = new Date()): string {
  const months = REVIEW_MONTHS[kind];
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return today(new Date(Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay))));
}

/** Published and past its review date. Drafts are never stale: nobody relies on them yet. */
export const isStale = (page: { status: string; review_by: string }, on: string = today()): boolean =>
  page.status === 'published' && page.review_by < on;

/** Where the web app shows things; rendered into page HTML, so they must stay in step with its router (apps/web/src/app/router.tsx). */
export const paths = {
  page: (slug: string, pageId: string) => `/communities/${slug}/knowledge/${pageId}`,
  newPage: (slug: string, title: string) => `/communities/${slug}/knowledge/new?title=${encodeURIComponent(title)}`,
  whiteboard: (slug: string, id: string) => `/communities/${slug}/knowledge/whiteboards/${id}`,
  whiteboardPreview: (id: string, version?: number) => `/api/v1/whiteboards/${id}/preview.svg${version ? `?version=${version}` : ''}`,
  thread: (threadId: string) => `/threads/${threadId}`,
  occurrence: (eventId: string, key: string) => `/events/${eventId}/occurrences/${encodeURIComponent(key)}`,
};

/** PostgreSQL text cannot hold NUL; like markdown-it, we read it as U+FFFD (on both dialects). */
export const withoutNul = (s: string): string => s.replace(/\0/g, '\uFFFD');

/** UTF-8 size of a string. */
export const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

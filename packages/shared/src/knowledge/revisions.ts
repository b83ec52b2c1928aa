import { z } from 'zod';
import { Id, Problem, Timestamp } from '../common/index.ts';
import { PersonSummary } from '../people/index.ts';

export const PageRevisionSummary = z.object({
  version: z.number().int(),
  title: z.string(),
  /** The note the author left with the save, if any. */
  summary: z.string().nullable(),
  author: PersonSummary.nullable(),
  createdAt: Timestamp,
  /** Size of the body source in UTF-8 bytes. */
  bytes: z.number().int(),
});
export type PageRevisionSummary = z.infer<typeof PageRevisionSummary>;

/** One revision in full; `bodyHtml` is rendered with today's links. */
export const PageRevision = PageRevisionSummary.extend({ bodySource: z.string(), bodyHtml: z.string() });
export type PageRevision = z.infer<typeof PageRevision>;

export const RevisionParams = z.object({ pageId: Id, version: z.coerce.number().int().min(1) });

export const RevisionListQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type RevisionListQuery = z.infer<typeof RevisionListQuery>;

export const PageDiffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export type PageDiffQuery = z.infer<typeof PageDiffQuery>;

/**
 * A run of text in an inline diff: render `equal` as is, `delete` struck through (e.g. <del>),
 * `insert` highlighted (e.g. <ins>). Concatenating equal + delete gives the old text; equal +
 * insert gives the new one. Whitespace and newlines are part of the runs.
 */
export const DiffSegment = z.object({ type: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffSegment = z.infer<typeof DiffSegment>;

export const TextDiff = z.object({
  changed: z.boolean(),
  segments: z.array(DiffSegment),
  /** Words (and punctuation marks) inserted and deleted. */
  inserted: z.number().int(),
  deleted: z.number().int(),
});
export type TextDiff = z.infer<typeof TextDiff>;

/** Word-level, inline: changed lines are compared word by word, unchanged lines kept whole. */
export const PageDiff = z.object({ from: z.number().int(), to: z.number().int(), title: TextDiff, body: TextDiff });
export type PageDiff = z.infer<typeof PageDiff>;

/** Restoring makes the old text the newest revision; `version` is the current version the person saw. */
export const RestoreRevisionInput = z.strictObject({ version: z.number().int(), summary: z.string().trim().max(300).optional() });
export type RestoreRevisionInput = z.infer<typeof RestoreRevisionInput>;

/**
 * 409 `page.version_conflict`: someone saved in between. `current` is the page as it is now
 * and `changes` what changed since the version the editor started from, so the person can merge
 * by hand instead of losing their text. Other 409s (e.g. `page.title_taken`) carry neither.
 */
export const PageConflictProblem = Problem.extend({
  current: z
    .object({
      version: z.number().int(),
      title: z.string(),
      bodySource: z.string(),
      updatedAt: Timestamp,
      updatedBy: PersonSummary.nullable(),
      summary: z.string().nullable(),
    })
    .optional(),
  changes: PageDiff.optional(),
});
export type PageConflictProblem = z.infer<typeof PageConflictProblem>;

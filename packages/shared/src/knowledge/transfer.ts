import { z } from 'zod';
import { Id } from '../common/index.ts';
import { OriginType, PageCommunity, PageKind, PageRef, PageTitle } from './pages.ts';

/**
 * Capturing knowledge where it shows up: a draft page, prefilled from its source, owned by
 * whoever captured it. Left out, the kind follows the source (question → best practice,
 * challenge → lesson learned, journal club → reading notes, other sessions → lesson learned)
 * and the title is the source's (numbered if taken).
 */
export const CaptureInput = z.strictObject({ kind: PageKind.optional(), title: PageTitle.optional() });
export type CaptureInput = z.infer<typeof CaptureInput>;

export const CapturesQuery = z.strictObject({
  sourceType: OriginType,
  /** A thread's id, or `<eventId>/<occurrenceKey>` for a session. */
  sourceId: z.string().min(1).max(200),
});
export type CapturesQuery = z.infer<typeof CapturesQuery>;

/** "Captured in <page>": the pages that capture a source, as far as the viewer may see them. */
export const CapturedIn = PageRef.extend({ community: PageCommunity });
export type CapturedIn = z.infer<typeof CapturedIn>;
export const Captures = z.object({ items: z.array(CapturedIn) });
export type Captures = z.infer<typeof Captures>;

export const Backlinks = z.object({ items: z.array(PageRef) });
export type Backlinks = z.infer<typeof Backlinks>;

/** An imported archive: at most 2,000 files, 1 MiB each, 50 MiB unpacked in all (413 `import.too_large`). */
export const IMPORT_LIMITS = { files: 2000, fileBytes: 1024 * 1024, totalBytes: 50 * 1024 * 1024, zipBytes: 20 * 1024 * 1024 } as const;

/**
 * Markdown files to import, as a browser reads them from a folder: `path` relative to the
 * folder (e.g. `guides/index.md`, `guides/deploys.md`). The import route also takes a zip
 * (application/zip) or one Markdown file (text/markdown, named by `?name=`).
 */
export const ImportFilesInput = z.strictObject({
  files: z
    .array(z.strictObject({ path: z.string().min(1).max(500), content: z.string() }))
    .min(1)
    .max(IMPORT_LIMITS.files),
});
export type ImportFilesInput = z.infer<typeof ImportFilesInput>;

export const ImportQuery = z.strictObject({
  /** Import under this page instead of at the top level. */
  parentId: Id.optional(),
  /** The file name of a single text/markdown upload (its title when it has none of its own). */
  name: z.string().max(200).optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportResult = z.object({
  /** Every page created, parents before children. */
  created: z.array(
    z.object({
      id: Id,
      title: z.string(),
      parentId: Id.nullable(),
      /** The file it came from, or the folder for a folder without an index page. */
      path: z.string(),
    }),
  ),
  /** Files that were not Markdown (images, configuration…) and were left out. */
  skipped: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

import { IMPORT_LIMITS } from '@guildhall/shared';
import { type UnzipFileInfo, unzipSync, zipSync } from 'fflate';
import { AppError, badRequest } from '../../errors.ts';
import type { ImportFile } from './import-plan.ts';
import { safePath } from './import-plan.ts';

const MARKDOWN = /\.(md|markdown)$/i;
// Entries of any kind an archive may list before we stop reading its directory.
const MAX_ENTRIES = 10_000;

export const tooLarge = (message: string, field?: string) =>
  new AppError(413, 'import.too_large', message, field ? [{ field, message: 'Too large' }] : undefined);

/** Text as UTF-8 (a byte-order mark dropped), or 400 `import.not_utf8` naming the file. */
export function utf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\0/g, '\uFFFD');
  } catch {
    throw badRequest('import.not_utf8', `${path} is not UTF-8 text; save it as UTF-8 and try again.`, [
      { field: path, message: 'Not UTF-8' },
    ]);
  }
}

/**
 * The Markdown files of a zip, decided on from its directory before anything is inflated: every
 * entry's path must stay inside the archive (400 `import.unsafe_path`), a file may unpack to at
 * most 1 MiB and all of them to 50 MiB (413 `import.too_large`, a zip bomb's answer). fflate
 * inflates each file into a buffer of the size the directory declares and never grows it, so an
 * entry that lies about its size cannot unpack to more than it claimed.
 */
export function unzipMarkdown(zip: Uint8Array): { files: ImportFile[]; skipped: string[] } {
  const skipped: string[] = [];
  let entries = 0;
  let markdownFiles = 0;
  let total = 0;
  const filter = (file: UnzipFileInfo) => {
    if (++entries > MAX_ENTRIES) throw tooLarge(`An archive may list at most ${MAX_ENTRIES} entries.`);
    const path = safePath(file.name);
    if (file.name.endsWith('/')) return false;
    if (!MARKDOWN.test(path)) {
      skipped.push(path);
      return false;
    }
    const size = Math.max(file.originalSize, file.size);
    if (size > IMPORT_LIMITS.fileBytes) throw tooLarge(`${path} unpacks to more than 1 MiB.`, path);
    total += size;
    if (total > IMPORT_LIMITS.totalBytes) throw tooLarge('The archive unpacks to more than 50 MiB.');
    if (++markdownFiles > IMPORT_LIMITS.files) throw tooLarge(`An import may hold at most ${IMPORT_LIMITS.files} Markdown files.`);
    return true;
  };
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(zip, { filter });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badRequest('import.invalid_zip', 'That file is not a zip archive we can read.', [
      { field: 'body', message: 'Not a zip archive' },
    ]);
  }
  const files = Object.entries(unzipped).map(([name, bytes]) => ({ path: name, content: utf8(bytes, name) }));
  return { files, skipped };
}

/** A zip of text files (the export). */
export function zipFiles(files: { path: string; content: string }[]): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries(files.map((f) => [f.path, encoder.encode(f.content)])), { level: 6 });
}

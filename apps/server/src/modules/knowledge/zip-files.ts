import { crc32, inflateRawSync } from 'node:zlib';
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

const invalidZip = (message = 'That file is not a zip archive we can read.', field = 'body') =>
  badRequest('import.invalid_zip', message, [{ field, message: 'Not a valid zip archive' }]);

/** Each central-directory entry's CRC-32 and the offset of its local header, in directory order. */
type DirectoryEntry = { crc: number; localHeader: number };

/**
 * Walks the central directory the way fflate's unzipSync does (end record, zip64 locator, then one
 * header after another), for the two facts fflate does not hand to its filter: each entry's
 * CRC-32 and where its local header sits (from the zip64 extra field when the 32-bit one is full).
 */
function centralDirectory(zip: Uint8Array): DirectoryEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => (at >= 0 && at + 2 <= zip.length ? view.getUint16(at, true) : Number.NaN);
  const u32 = (at: number) => (at >= 0 && at + 4 <= zip.length ? view.getUint32(at, true) : Number.NaN);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let end = zip.length - 22;
  while (u32(end) !== 0x06054b50) {
    if (end <= 0 || zip.length - end > 65_558) throw invalidZip();
    end--;
  }
  let count = u16(end + 8);
  let at = u32(end + 16);
  let zip64 = u32(end - 20) === 0x07064b50;
  if (zip64) {
    const record = u32(end - 12);
    zip64 = u32(record) === 0x06064b50;
    if (zip64) {
      count = u32(record + 32);
      at = u32(record + 48);
    }
  }
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw invalidZip();
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    let localHeader = u32(at + 42);
    if (zip64 && localHeader === 0xffffffff) {
      const skip = (u32(at + 24) === 0xffffffff ? 8 : 0) + (u32(at + 20) === 0xffffffff ? 8 : 0);
      const extraEnd = at + 46 + nameLength + extraLength;
      for (let x = at + 46 + nameLength; x + 4 <= extraEnd; x += 4 + u16(x + 2)) {
        if (u16(x) === 1) localHeader = u64(x + 4 + skip);
      }
    }
    entries.push({ crc: u32(at + 16), localHeader });
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return entries;
}

/**
 * One entry's bytes, checked against what the directory declares: never more than its size
 * (inflating stops there, so a lying entry cannot become a bomb), exactly its size, and its
 * CRC-32. An entry that holds more or less than declared is a damaged or doctored archive,
 * refused whole rather than imported cut short.
 */
function inflateEntry(zip: Uint8Array, entry: DirectoryEntry, file: UnzipFileInfo, path: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localHeader;
  if (!(at + 30 <= zip.length) || view.getUint32(at, true) !== 0x04034b50) throw invalidZip();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + file.size > zip.length) throw invalidZip();
  const data = zip.subarray(start, start + file.size);
  const lie = () => invalidZip(`${path} does not hold what the archive's directory says it does; the archive is damaged.`, path);
  let bytes: Uint8Array;
  if (file.compression === 0) bytes = data;
  else if (file.compression === 8) {
    try {
      bytes = inflateRawSync(data, { maxOutputLength: Math.max(file.originalSize, 1) });
    } catch {
      throw lie();
    }
  } else throw invalidZip(`${path} is compressed in a way we cannot read (method ${file.compression}).`, path);
  if (bytes.length !== file.originalSize || crc32(bytes) !== entry.crc) throw lie();
  return bytes;
}

/**
 * The Markdown files of a zip, decided on from its directory before anything is inflated: every
 * entry's path must stay inside the archive (400 `import.unsafe_path`), a file may unpack to at
 * most 1 MiB and all of them to 50 MiB (413 `import.too_large`, a zip bomb's answer). fflate reads
 * the directory; each chosen file is then inflated to at most its declared size and must match
 * it and its CRC-32 exactly (400 `import.invalid_zip` otherwise).
 */
export function unzipMarkdown(zip: Uint8Array): { files: ImportFile[]; skipped: string[] } {
  const skipped: string[] = [];
  const chosen: { index: number; file: UnzipFileInfo; path: string }[] = [];
  let entries = 0;
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
    if (chosen.length >= IMPORT_LIMITS.files) throw tooLarge(`An import may hold at most ${IMPORT_LIMITS.files} Markdown files.`);
    chosen.push({ index: entries - 1, file, path });
    // Inflated below, where its size and checksum are checked.
    return false;
  };
  let directory: DirectoryEntry[];
  try {
    unzipSync(zip, { filter });
    directory = centralDirectory(zip);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidZip();
  }
  // A later entry of the same name replaces an earlier one, as unzipping it would.
  const byName = new Map<string, Uint8Array>();
  for (const { index, file, path } of chosen) {
    const entry = directory[index];
    if (!entry) throw invalidZip();
    byName.set(file.name, inflateEntry(zip, entry, file, path));
  }
  const files = [...byName].map(([name, bytes]) => ({ path: name, content: utf8(bytes, name) }));
  return { files, skipped };
}

/** A zip of text files (the export). */
export function zipFiles(files: { path: string; content: string }[]): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries(files.map((f) => [f.path, encoder.encode(f.content)])), { level: 6 });
}

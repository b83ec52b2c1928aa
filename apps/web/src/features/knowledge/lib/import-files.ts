import { IMPORT_LIMITS } from '@guildhall/shared';

export const MIB = 1024 * 1024;
export const isZip = (file: File) =>
  /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';
const isMarkdown = (file: File) => /\.(md|markdown)$/i.test(file.name);

/** What is wrong with a choice of files before anything is sent, in the words shown under the field. */
export function checkImportFiles(files: File[]): string | null {
  if (files.length === 0) return 'Choose a zip archive or one or more Markdown (.md) files.';
  const zips = files.filter(isZip);
  if (zips.length > 0 && files.length > 1) return 'Choose one zip archive, or Markdown files, but not both at once.';
  const [zip] = zips;
  if (zip) return zip.size > IMPORT_LIMITS.zipBytes ? `${zip.name} is larger than ${IMPORT_LIMITS.zipBytes / MIB} MiB.` : null;
  const other = files.find((f) => !isMarkdown(f));
  if (other) return `${other.name} is neither a zip archive nor a Markdown file.`;
  if (files.length > IMPORT_LIMITS.files) return `Import at most ${IMPORT_LIMITS.files} files at once.`;
  const big = files.find((f) => f.size > IMPORT_LIMITS.fileBytes);
  if (big) return `${big.name} is larger than ${IMPORT_LIMITS.fileBytes / MIB} MiB.`;
  return null;
}

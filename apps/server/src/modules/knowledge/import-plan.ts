import { posix } from 'node:path';
import { PageKind, PageStatus, ReviewDate, Tag } from '@guildhall/shared';
import { AppError, badRequest } from '../../errors.ts';
import { splitFrontMatter } from './front-matter.ts';
import { resolveRelative, rewriteLinks } from './markdown-links.ts';
import { asPageTitle, titleKey } from './naming.ts';

export type ImportFile = { path: string; content: string };

/** A page an import will create; `parent` is the key of another planned page (null: the top). */
export type PlannedPage = {
  key: string;
  /** The file it comes from as uploaded, or the folder for a folder without an index page. */
  path: string;
  title: string;
  kind: PageKind;
  tags: string[];
  status: PageStatus;
  reviewBy?: string;
  body: string;
  parent: string | null;
  depth: number;
};

const MARKDOWN = /\.(md|markdown)$/i;
const INDEX = /^(index|readme)\.(md|markdown)$/i;

/**
 * A path inside the upload, normalised (`\` as `/`, `./` dropped). Anything that could point
 * outside the upload's root is refused (400 `import.unsafe_path`): `..` segments, absolute paths,
 * drive letters, NUL bytes. Nothing is ever written to disk, but a path that tries is a forged
 * archive, and nothing of it is imported.
 */
export function safePath(raw: string): string {
  const path = raw.replace(/\\/g, '/');
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  const unsafe = path.startsWith('/') || /^[a-z]:/i.test(path) || path.includes('\0') || segments.some((s) => s === '..');
  if (unsafe || segments.length === 0) {
    throw badRequest('import.unsafe_path', `“${raw.slice(0, 200)}” points outside the upload; nothing was imported.`, [
      { field: raw.slice(0, 200), message: 'Unsafe path' },
    ]);
  }
  return segments.join('/');
}

/** Operating-system leftovers and hidden files are not documentation. */
const isJunk = (path: string) => path.split('/').some((s) => s.startsWith('.') || s === '__MACOSX');

/** "deploy-checklist" → "Deploy checklist". */
function humanize(name: string): string {
  const words = name.replace(MARKDOWN, '').replace(/[-_]+/g, ' ').trim();
  return asPageTitle(words.charAt(0).toUpperCase() + words.slice(1));
}

/** A title from the front matter, else the first `# heading` (taken out of the body), else the name. */
function titled(meta: Record<string, unknown>, body: string, fallback: string): { title: string; body: string } {
  if (typeof meta.title === 'string' && meta.title.trim()) return { title: asPageTitle(meta.title), body };
  const heading = /^(?:[ \t]*\r?\n)*# +([^\n]+?)[ \t#]*(?:\r?\n(?:[ \t]*\r?\n)?|$)/.exec(body);
  if (heading?.[1]) return { title: asPageTitle(heading[1]), body: body.slice(heading[0].length) };
  return { title: fallback, body };
}

function tagsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.flatMap((t) => (typeof t === 'string' && Tag.safeParse(t).success ? [Tag.parse(t)] : [])))].slice(0, 5);
}

/** The longest folder every file shares, when that folder has no index page of its own (e.g. "repo-main/docs/"). */
function commonRoot(paths: string[]): string {
  let root = '';
  for (;;) {
    const first = paths[0]?.slice(root.length).split('/');
    if (!first || first.length < 2) return root;
    const candidate = `${root}${first[0]}/`;
    if (!paths.every((p) => p.startsWith(candidate) && p.length > candidate.length)) return root;
    if (paths.some((p) => p.startsWith(candidate) && INDEX.test(p.slice(candidate.length)))) return root;
    root = candidate;
  }
}

/**
 * Files → pages: titles kept (front matter, first heading, or file name), the folder tree as
 * the page tree (a folder's index.md or README.md is the folder's page; a folder without one
 * gets an empty page of its name), relative links between the files as `[[Title]]` links.
 */
export function planImport(files: ImportFile[]): { pages: PlannedPage[]; skipped: string[] } {
  const skipped: string[] = [];
  const sources = new Map<string, ImportFile>();
  for (const file of files) {
    const path = safePath(file.path);
    if (isJunk(path) || !MARKDOWN.test(path)) {
      skipped.push(path);
      continue;
    }
    if (sources.has(path))
      throw badRequest('import.duplicate_path', `${path} is in the upload twice.`, [{ field: path, message: 'Duplicate' }]);
    sources.set(path, { path, content: file.content });
  }
  const root = commonRoot([...sources.keys()]);
  const rel = new Map([...sources.values()].map((f) => [f.path.slice(root.length), f]));

  // Folders that hold Markdown, and the index file that is each one's page.
  const folders = new Map<string, string | null>();
  for (const path of rel.keys()) {
    for (let dir = posix.dirname(path); dir !== '.'; dir = posix.dirname(dir)) if (!folders.has(dir)) folders.set(dir, null);
  }
  // A folder's page is its index.md, else its README.md; a README beside an index is a page of its own.
  for (const path of [...rel.keys()].sort(
    (a, b) => Number(/^readme/i.test(posix.basename(a))) - Number(/^readme/i.test(posix.basename(b))),
  )) {
    const dir = posix.dirname(path);
    if (dir !== '.' && INDEX.test(posix.basename(path)) && folders.get(dir) === null) folders.set(dir, path);
  }
  const folderOfIndex = new Map([...folders].flatMap(([dir, index]) => (index ? [[index, dir] as const] : [])));
  const parentKey = (dir: string) => (dir === '.' ? null : dir);

  const pages = new Map<string, PlannedPage>();
  const fileKey = new Map<string, string>();
  const sourceOf = new Map<string, string>();
  for (const [dir, index] of folders) {
    if (index === null) {
      pages.set(dir, {
        key: dir,
        path: `${root}${dir}/`,
        title: humanize(posix.basename(dir)),
        kind: 'guide',
        tags: [],
        status: 'published',
        body: '',
        parent: parentKey(posix.dirname(dir)),
        depth: 0,
      });
    }
  }
  for (const [path, file] of rel) {
    const ownFolder = folderOfIndex.get(path);
    const key = ownFolder ?? path;
    fileKey.set(path, key);
    sourceOf.set(key, path);
    const { meta, body } = splitFrontMatter(file.content, file.path);
    const fallback = humanize(ownFolder ? posix.basename(ownFolder) : posix.basename(path));
    const { title, body: rest } = titled(meta, body, fallback);
    const kind = PageKind.safeParse(meta.kind);
    const status = PageStatus.safeParse(meta.status);
    const reviewBy = ReviewDate.safeParse(meta.reviewBy);
    pages.set(key, {
      key,
      path: file.path,
      title,
      kind: kind.success ? kind.data : 'guide',
      tags: tagsOf(meta.tags),
      status: status.success ? status.data : 'published',
      ...(reviewBy.success && { reviewBy: reviewBy.data }),
      body: rest,
      parent: parentKey(posix.dirname(ownFolder ?? path)),
      depth: 0,
    });
  }
  for (const folder of folders.keys()) fileKey.set(folder, folder);

  checkUniqueTitles([...pages.values()]);
  for (const page of pages.values()) {
    const from = sourceOf.get(page.key);
    if (from === undefined) continue;
    page.body = rewriteLinks(page.body, (link) => {
      const target = resolveRelative(from, link.destination);
      const targetKey = target && fileKey.get(target.path.replace(/\/$/, ''));
      const title = targetKey ? pages.get(targetKey)?.title : undefined;
      if (!title) return undefined;
      const label = link.text.trim();
      return !label || label === title || /[[\]|]/.test(label) ? `[[${title}]]` : `[[${title}|${label}]]`;
    });
  }
  for (const page of pages.values()) {
    let depth = 1;
    for (let p = page.parent; p !== null; p = pages.get(p)?.parent ?? null) depth++;
    page.depth = depth;
  }
  const ordered = [...pages.values()].sort((a, b) => a.depth - b.depth || a.key.localeCompare(b.key));
  return { pages: ordered, skipped };
}

function checkUniqueTitles(pages: PlannedPage[]) {
  const seen = new Map<string, string>();
  const clashes: { field: string; message: string }[] = [];
  for (const page of pages) {
    const key = titleKey(page.title);
    const other = seen.get(key);
    if (other) clashes.push({ field: page.path, message: `Same title as ${other}` });
    else seen.set(key, page.path);
  }
  if (clashes.length > 0) {
    throw new AppError(409, 'import.title_taken', 'Two files of the upload have the same title; titles must differ.', clashes.slice(0, 20));
  }
}

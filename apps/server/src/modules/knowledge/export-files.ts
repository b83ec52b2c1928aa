import type { PageOrigin } from '@guildhall/shared';
import { withFrontMatter } from './front-matter.ts';
import { type InlineLink, relativePath, rewriteLinks } from './markdown-links.ts';

/** A page as export writes it. */
export type ExportPage = {
  id: string;
  title: string;
  parentId: string | null;
  bodySource: string;
  kind: string;
  tags: string[];
  owner: string | null;
  reviewBy: string;
  origin: PageOrigin | null;
};

export type ExportFile = { path: string; content: string };

/** A file name from a title: lower case, ASCII letters and digits, single hyphens. */
export function fileName(title: string): string {
  const name = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  // index.md and README.md name a folder's own page.
  if (name === 'index' || name === 'readme') return `${name}-page`;
  return name || 'page';
}

/** One page as Markdown with front matter (title, kind, tags, owner, reviewBy, origin). */
export function pageMarkdown(page: ExportPage, body: string = page.bodySource): string {
  return withFrontMatter(
    {
      title: page.title,
      kind: page.kind,
      tags: page.tags.length > 0 ? page.tags : undefined,
      owner: page.owner ?? undefined,
      reviewBy: page.reviewBy,
      origin: page.origin ?? undefined,
    },
    body,
  );
}

const PAGE_LINK = /^\/communities\/[a-z0-9-]+\/knowledge\/([A-Za-z0-9-]{1,64})(#.*)?$/;

/**
 * A community's pages as a folder tree: a page with sub-pages is a folder with its own
 * `index.md`, any other page a `<name>.md` beside its siblings. `[[Title]]` links stay as they
 * are; Markdown links to pages of the export become relative links to their files. A page whose
 * parent is not exported (a draft) sits at the top.
 */
export function exportFiles(pages: ExportPage[]): ExportFile[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  // Only exported pages are known: a page under an unexported one (a draft) goes to the top.
  const parentOf = (page: ExportPage) => (page.parentId && byId.has(page.parentId) ? page.parentId : null);
  const children = new Map<string | null, ExportPage[]>();
  for (const page of pages) {
    const parent = parentOf(page);
    children.set(parent, [...(children.get(parent) ?? []), page]);
  }
  const paths = new Map<string, string>();
  const place = (parent: string | null, dir: string) => {
    const siblings = (children.get(parent) ?? []).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    const taken = new Set<string>();
    for (const page of siblings) {
      const base = fileName(page.title);
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
      taken.add(name);
      if (children.has(page.id)) {
        paths.set(page.id, `${dir}${name}/index.md`);
        place(page.id, `${dir}${name}/`);
      } else {
        paths.set(page.id, `${dir}${name}.md`);
      }
    }
  };
  place(null, '');
  return pages
    .filter((page) => paths.has(page.id))
    .map((page) => {
      const from = paths.get(page.id) as string;
      const body = rewriteLinks(page.bodySource, (link: InlineLink) => {
        const match = PAGE_LINK.exec(link.destination);
        const target = match?.[1] ? paths.get(match[1]) : undefined;
        return target ? `[${link.text}](${relativePath(from, target)}${match?.[2] ?? ''}${link.title})` : undefined;
      });
      return { path: from, content: pageMarkdown(page, body) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

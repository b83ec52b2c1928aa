import type { DB, Tx } from '../../db/database.ts';
import { type PageLinks, type ParsedPage, parsePage, renderParsedPage } from '../../platform/markdown/markdown.ts';
import { paths, titleKey } from './naming.ts';
import type { PagesRepository } from './pages.repository.ts';
import type { WhiteboardsRepository } from './whiteboards.repository.ts';

/** What a page's names mean in its community right now: published titles and whiteboards. */
export type Resolution = { pages: Map<string, string>; whiteboards: Map<string, string> };

export type RenderedPage = {
  parsed: ParsedPage;
  html: string;
  resolution: Resolution;
  /** Title keys the page links to, each once. */
  linkKeys: string[];
};

type Community = { id: string; slug: string };

const fingerprint = (r: Resolution) => JSON.stringify([[...r.pages].sort(), [...r.whiteboards].sort()]);

/**
 * Renders knowledge pages with their `[[links]]` resolved. Links resolve at write time, against
 * published pages only (a draft's title renders as "create this page" for everyone, so stored
 * HTML is the same for every reader and never reveals a draft). When a title appears, changes
 * or goes away, `relink` renders again the pages whose links name it — page_link says which.
 */
export class PageRenderer {
  constructor(
    private readonly pages: PagesRepository,
    private readonly whiteboards: WhiteboardsRepository,
  ) {}

  async resolve(community: Community, parsed: ParsedPage, db?: DB | Tx): Promise<Resolution> {
    const [pages, whiteboards] = await Promise.all([
      this.pages.publishedByKey(community.id, [...new Set(parsed.titles.map(titleKey))], db),
      this.whiteboards.titles(community.id, parsed.whiteboardIds, db),
    ]);
    return { pages, whiteboards };
  }

  html(community: Community, parsed: ParsedPage, resolution: Resolution): string {
    const links: PageLinks = {
      pageHref: (title) => {
        const id = resolution.pages.get(titleKey(title));
        return id ? paths.page(community.slug, id) : undefined;
      },
      missingPageHref: (title) => paths.newPage(community.slug, title),
      whiteboard: (id) => {
        const title = resolution.whiteboards.get(id);
        return title === undefined ? undefined : { href: paths.whiteboard(community.slug, id), title };
      },
    };
    return renderParsedPage(parsed, links);
  }

  /** Parse and render outside any transaction: the expensive part never holds the write lock. */
  async render(community: Community, source: string, db?: DB | Tx): Promise<RenderedPage> {
    const parsed = parsePage(source);
    const resolution = await this.resolve(community, parsed, db);
    return {
      parsed,
      html: this.html(community, parsed, resolution),
      resolution,
      linkKeys: [...new Set(parsed.titles.map(titleKey))],
    };
  }

  /** Renders with page titles the caller resolved (an import, whose pages do not exist yet). */
  async renderResolved(community: Community, parsed: ParsedPage, pages: Map<string, string>): Promise<RenderedPage> {
    const resolution: Resolution = { pages, whiteboards: await this.whiteboards.titles(community.id, parsed.whiteboardIds) };
    return { parsed, html: this.html(community, parsed, resolution), resolution, linkKeys: [...new Set(parsed.titles.map(titleKey))] };
  }

  /**
   * Inside the write's transaction: if a page appeared or went away since `render` looked, render
   * again with what is true now (cheap to check, rarely needed).
   */
  async confirm(community: Community, rendered: RenderedPage, tx: Tx): Promise<RenderedPage> {
    const now = await this.resolve(community, rendered.parsed, tx);
    if (fingerprint(now) === fingerprint(rendered.resolution)) return rendered;
    return { ...rendered, resolution: now, html: this.html(community, rendered.parsed, now) };
  }

  /** Renders again every page of the community whose links name one of these titles (keys). */
  async relink(community: Community, keys: string[], tx: Tx, except: ReadonlySet<string> = new Set()): Promise<void> {
    const pages = await this.pages.linking(community.id, [...new Set(keys)], tx);
    await this.rerender(
      community,
      pages.filter((p) => !except.has(p.id)),
      tx,
    );
  }

  /** Renders these pages again from their source, with what their names mean now. */
  async rerender(community: Community, pages: { id: string; body_source: string }[], tx: Tx): Promise<void> {
    for (const page of pages) {
      const parsed = parsePage(page.body_source);
      const html = this.html(community, parsed, await this.resolve(community, parsed, tx));
      await this.pages.update(page.id, { body_html: html }, tx);
    }
  }
}

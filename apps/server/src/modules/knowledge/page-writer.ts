import type { PageKind, PageOrigin, PageStatus } from '@guildhall/shared';
import type { Tx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { reviewDateFor, titleKey } from './naming.ts';
import type { RenderedPage } from './page-renderer.ts';
import type { PageRow, PagesRepository } from './pages.repository.ts';
import type { RevisionsRepository } from './revisions.repository.ts';

/** The whiteboards a page embeds that exist in its community (an unknown id embeds nothing). */
const embedded = (rendered: RenderedPage) => rendered.parsed.whiteboardIds.filter((id) => rendered.resolution.whiteboards.has(id));

/** A page about to be written: what create, capture and import all produce. */
export type NewPage = {
  title: string;
  kind: PageKind;
  bodySource: string;
  tags: string[];
  parentId: string | null;
  status: PageStatus;
  reviewBy?: string;
  summary?: string | null;
  ownerId: string;
  origin?: PageOrigin | null;
};

/** The next state of a page on save or restore. */
export type PageChange = {
  title: string;
  bodySource: string;
  kind: PageKind;
  tags: string[];
  parentId: string | null;
  status: PageStatus;
  reviewBy: string;
  summary: string | null;
};

/**
 * Writes pages and their revisions inside the caller's transaction. Every write of a page's
 * text is a revision (title + source, with author, time and note); the page row carries the
 * rendered HTML, its outline and the names it links to.
 */
export class PageWriter {
  constructor(
    private readonly pages: PagesRepository,
    private readonly revisions: RevisionsRepository,
  ) {}

  async insert(
    communityId: string,
    authorId: string,
    page: NewPage,
    rendered: RenderedPage,
    at: string,
    tx: Tx,
    id = newId(),
  ): Promise<string> {
    const row: PageRow = {
      id,
      community_id: communityId,
      parent_id: page.parentId,
      title: page.title,
      title_key: titleKey(page.title),
      kind: page.kind,
      tags: JSON.stringify(page.tags),
      status: page.status,
      owner_id: page.ownerId,
      body_source: page.bodySource,
      body_html: rendered.html,
      toc: JSON.stringify(rendered.parsed.toc),
      version: 1,
      review_by: page.reviewBy ?? reviewDateFor(page.kind, new Date(at)),
      last_confirmed_at: null,
      origin_type: page.origin?.type ?? null,
      origin_id: page.origin?.id ?? null,
      origin_title: page.origin?.title ?? null,
      origin_link: page.origin?.link ?? null,
      created_by: authorId,
      created_at: at,
      updated_by: authorId,
      updated_at: at,
    };
    await this.pages.insert(row, page.tags, tx);
    await this.pages.setReferences(id, communityId, rendered.linkKeys, embedded(rendered), tx);
    await this.revisions.insert(
      {
        page_id: id,
        version: 1,
        title: page.title,
        body_source: page.bodySource,
        summary: page.summary ?? null,
        author_id: authorId,
        created_at: at,
      },
      tx,
    );
    return id;
  }

  /** The next revision, only if the page is still at `version`; answers whether it was. */
  async save(
    page: { id: string; community_id: string },
    version: number,
    change: PageChange,
    rendered: RenderedPage,
    authorId: string,
    at: string,
    tx: Tx,
  ): Promise<boolean> {
    const saved = await this.pages.updateIfVersion(
      page.id,
      version,
      {
        title: change.title,
        title_key: titleKey(change.title),
        kind: change.kind,
        tags: JSON.stringify(change.tags),
        status: change.status,
        parent_id: change.parentId,
        body_source: change.bodySource,
        body_html: rendered.html,
        toc: JSON.stringify(rendered.parsed.toc),
        review_by: change.reviewBy,
        version: version + 1,
        updated_by: authorId,
        updated_at: at,
      },
      tx,
    );
    if (!saved) return false;
    await this.pages.setTags(page.id, change.tags, tx);
    await this.pages.setReferences(page.id, page.community_id, rendered.linkKeys, embedded(rendered), tx);
    await this.revisions.insert(
      {
        page_id: page.id,
        version: version + 1,
        title: change.title,
        body_source: change.bodySource,
        summary: change.summary,
        author_id: authorId,
        created_at: at,
      },
      tx,
    );
    return true;
  }
}

import {
  type Backlinks,
  type Captures,
  type CapturesQuery,
  type KnowledgePage,
  type KnowledgeTemplates,
  PAGE_KIND_LABELS,
  PAGE_KINDS,
  PAGE_TEMPLATES,
  type Page,
  type PageListQuery,
  type PagePreview,
  type PageSummary,
  type PageTree,
  REVIEW_MONTHS,
  templateBody,
} from '@guildhall/shared';
import type { Actor } from '../../platform/auth/actor.ts';
import { requirePerson } from '../../platform/auth/policy.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { isStale, today, withoutNul } from './naming.ts';
import { type KnowledgeAccess, readerIn } from './page-access.ts';
import type { PageRenderer } from './page-renderer.ts';
import { checkBodySize } from './page-rules.ts';
import type { PagesRepository } from './pages.repository.ts';
import { type PagePresenter, pageRef } from './present.ts';

/** A tree answers this many pages at most; past it, the paged list. */
const TREE_LIMIT = 5000;

/** Reading knowledge: lists, the tree, one page, its backlinks, what captured a source, previews, templates. */
export class PagesService {
  constructor(
    private readonly access: KnowledgeAccess,
    private readonly pages: PagesRepository,
    private readonly renderer: PageRenderer,
    private readonly presenter: PagePresenter,
  ) {}

  templates(actor: Actor): KnowledgeTemplates {
    requirePerson(actor);
    return {
      templates: PAGE_KINDS.map((kind) => ({
        kind,
        label: PAGE_KIND_LABELS[kind],
        description: PAGE_TEMPLATES[kind].description,
        headings: PAGE_TEMPLATES[kind].headings,
        body: templateBody(kind),
        reviewMonths: REVIEW_MONTHS[kind],
      })),
    };
  }

  /** A community's pages; drafts only for their owner and the facilitators; stale ones on request. */
  async list(actor: Actor, slug: string, query: PageListQuery): Promise<Page<PageSummary>> {
    const { person, community } = await this.access.community(actor, slug);
    const reader = readerIn(person, community.membership);
    const after = decodeCursor(query.cursor, 2);
    const rows = await this.pages.list(community.id, reader, {
      kind: query.kind,
      tag: query.tag || undefined,
      status: query.status,
      stale: query.stale === 'true' ? today() : undefined,
      ownerId: query.owner === 'me' ? person.personId : undefined,
      parent: query.parent === undefined ? undefined : query.parent === 'root' ? null : query.parent,
      sort: query.sort,
      after,
      limit: query.limit,
    });
    const hasMore = rows.length > query.limit;
    const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
    const last = pageRows[pageRows.length - 1];
    const key = (r: typeof last & object) =>
      query.sort === 'title' ? [r.title_key, r.id] : query.sort === 'review' ? [r.review_by, r.id] : [r.updated_at, r.id];
    return {
      items: await this.presenter.summaries(pageRows, reader),
      nextCursor: hasMore && last ? encodeCursor(key(last)) : null,
    };
  }

  async tree(actor: Actor, slug: string): Promise<PageTree> {
    const { person, community } = await this.access.community(actor, slug);
    const rows = await this.pages.tree(community.id, readerIn(person, community.membership), TREE_LIMIT);
    const items = rows.slice(0, TREE_LIMIT);
    const shown = new Set(items.map((r) => r.id));
    const on = today();
    return {
      items: items.map((r) => ({
        id: r.id,
        // A page under a draft the reader cannot see sits at the top of their tree.
        parentId: r.parent_id && shown.has(r.parent_id) ? r.parent_id : null,
        title: r.title,
        kind: r.kind,
        status: r.status,
        isStale: isStale(r, on),
        updatedAt: r.updated_at,
      })),
      truncated: rows.length > TREE_LIMIT,
    };
  }

  async get(actor: Actor, pageId: string): Promise<KnowledgePage> {
    const { person, page } = await this.access.page(actor, pageId);
    return this.presenter.page(person, page);
  }

  /** Pages of the community whose [[links]] name this page's title. */
  async backlinks(actor: Actor, pageId: string): Promise<Backlinks> {
    const { person, page } = await this.access.page(actor, pageId);
    const rows = await this.pages.backlinks(page.community_id, page.title_key, readerIn(person, page.membership));
    return { items: rows.filter((r) => r.id !== page.id).map(pageRef) };
  }

  /** "Captured in <page>", for a thread, a challenge or a session. */
  async captures(actor: Actor, query: CapturesQuery): Promise<Captures> {
    const person = requirePerson(actor);
    const rows = await this.pages.captures(person, query.sourceType, query.sourceId);
    return { items: rows.map((r) => ({ ...pageRef(r), community: { id: r.community_id, slug: r.slug, name: r.name } })) };
  }

  /** The editor's preview: exactly what saving would store, links resolved in this community. */
  async preview(actor: Actor, slug: string, bodySource: string): Promise<PagePreview> {
    const { community } = await this.access.community(actor, slug);
    checkBodySize(bodySource);
    const rendered = await this.renderer.render(community, withoutNul(bodySource));
    return { bodyHtml: rendered.html, toc: rendered.parsed.toc };
  }
}

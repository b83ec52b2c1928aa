import type {
  KnowledgePage,
  PageKind,
  PageOrigin,
  PageRef,
  PageStatus,
  PageSummary,
  PersonSummary,
  TocEntry,
  WhiteboardRef,
} from '@guildhall/shared';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/policy.ts';
import type { PeopleRepository } from '../people/index.ts';
import { isStale, paths, today } from './naming.ts';
import { type LoadedPage, pageResource, readerIn } from './page-access.ts';
import type { PageReader, PageRow, PageSummaryRow, PagesRepository } from './pages.repository.ts';

/** The deepest a page may nest (400 `page.too_deep`); also bounds every walk up the tree. */
export const MAX_DEPTH = 12;

const parseTags = (json: string): string[] => JSON.parse(json) as string[];

export const pageRef = (r: { id: string; title: string; kind: string; status: string }): PageRef => ({
  id: r.id,
  title: r.title,
  kind: r.kind as PageKind,
  status: r.status as PageStatus,
});

/** Whether a reader sees a page: published, or a draft of theirs, or they facilitate. */
export const shows = (reader: PageReader, page: { status: string; owner_id: string | null }) =>
  page.status === 'published' || reader.facilitator || page.owner_id === reader.personId;

function originOf(row: PageRow): PageOrigin | null {
  if (!row.origin_type || !row.origin_id) return null;
  return { type: row.origin_type, id: row.origin_id, title: row.origin_title ?? '', link: row.origin_link ?? '' };
}

/** The only place page rows become payloads. */
export class PagePresenter {
  constructor(
    private readonly people: PeopleRepository,
    private readonly pages: PagesRepository,
  ) {}

  /** Rows of one community's list; a parent the reader may not see is reported as no parent. */
  async summaries(rows: PageSummaryRow[], reader: PageReader): Promise<PageSummary[]> {
    const people = await this.people.summaries([...new Set(rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])))]);
    const parentIds = [...new Set(rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])))];
    const visibleParents = new Set((await this.pages.visibilityOf(parentIds)).filter((p) => shows(reader, p)).map((p) => p.id));
    const on = today();
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id && visibleParents.has(r.parent_id) ? r.parent_id : null,
      title: r.title,
      kind: r.kind,
      tags: parseTags(r.tags),
      status: r.status,
      owner: (r.owner_id && people.get(r.owner_id)) || null,
      reviewBy: r.review_by,
      isStale: isStale(r, on),
      version: r.version,
      updatedAt: r.updated_at,
    }));
  }

  async page(person: PersonActor, page: LoadedPage): Promise<KnowledgePage> {
    const reader = readerIn(person, page.membership);
    const chain = await this.pages.parentChain(page.parent_id, MAX_DEPTH);
    const ancestors = chain.filter((p) => shows(reader, p)).reverse();
    const [children, boards, people] = await Promise.all([
      this.pages.children(page.id, reader),
      this.pages.whiteboardsOf(page.id),
      this.people.summaries([...new Set([page.owner_id, page.updated_by].filter((id): id is string => id !== null))]),
    ]);
    const person_ = (id: string | null): PersonSummary | null => (id && people.get(id)) || null;
    const resource = pageResource(page, person.personId);
    const parent = chain[0];
    return {
      id: page.id,
      parentId: parent && shows(reader, parent) ? parent.id : null,
      title: page.title,
      kind: page.kind,
      tags: parseTags(page.tags),
      status: page.status,
      owner: person_(page.owner_id),
      reviewBy: page.review_by,
      isStale: isStale(page),
      version: page.version,
      updatedAt: page.updated_at,
      community: { id: page.community_id, slug: page.community_slug, name: page.community_name },
      ancestors: ancestors.map((a) => ({ id: a.id, title: a.title })),
      children: children.map(pageRef),
      bodySource: page.body_source,
      bodyHtml: page.body_html,
      toc: JSON.parse(page.toc) as TocEntry[],
      origin: originOf(page),
      whiteboards: boards.map(
        (b): WhiteboardRef => ({
          id: b.id,
          title: b.title,
          version: b.version,
          previewUrl: b.has_preview ? paths.whiteboardPreview(b.id, b.version) : null,
        }),
      ),
      lastConfirmedAt: page.last_confirmed_at,
      createdAt: page.created_at,
      updatedBy: person_(page.updated_by),
      canEdit: can(person, 'page.edit', resource),
      canManage: can(person, 'page.manage', resource),
    };
  }
}

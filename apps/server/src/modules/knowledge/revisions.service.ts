import type { Page, PageDiff, PageDiffQuery, PageRevision, PageRevisionSummary, RevisionListQuery } from '@guildhall/shared';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { KnowledgeAccess } from './page-access.ts';
import type { PageRenderer } from './page-renderer.ts';
import type { RevisionsRepository } from './revisions.repository.ts';
import { pageDiff } from './text-diff.ts';

const noRevision = () => notFound('revision.not_found', 'This page has no such revision.');

/** A page's history: every save, any revision in full, and what changed between any two. */
export class RevisionsService {
  constructor(
    private readonly access: KnowledgeAccess,
    private readonly revisions: RevisionsRepository,
    private readonly renderer: PageRenderer,
    private readonly people: PeopleRepository,
  ) {}

  async list(actor: Actor, pageId: string, query: RevisionListQuery): Promise<Page<PageRevisionSummary>> {
    const { page } = await this.access.page(actor, pageId);
    const after = decodeCursor(query.cursor, 1) as [number] | undefined;
    const rows = await this.revisions.list(page.id, after?.[0], query.limit);
    const authors = await this.people.summaries([...new Set(rows.flatMap((r) => (r.author_id ? [r.author_id] : [])))]);
    return pageFrom(
      rows,
      query.limit,
      (r) => ({
        version: r.version,
        title: r.title,
        summary: r.summary,
        author: (r.author_id && authors.get(r.author_id)) || null,
        createdAt: r.created_at,
        bytes: Number(r.bytes),
      }),
      (r) => [r.version],
    );
  }

  /** One revision, its HTML rendered now (links as they resolve today). */
  async get(actor: Actor, pageId: string, version: number): Promise<PageRevision> {
    const { page } = await this.access.page(actor, pageId);
    const row = await this.revisions.find(page.id, version);
    if (!row) throw noRevision();
    const rendered = await this.renderer.render({ id: page.community_id, slug: page.community_slug }, row.body_source);
    const author = row.author_id ? ((await this.people.summaries([row.author_id])).get(row.author_id) ?? null) : null;
    return {
      version: row.version,
      title: row.title,
      summary: row.summary,
      author,
      createdAt: row.created_at,
      bytes: Buffer.byteLength(row.body_source, 'utf8'),
      bodySource: row.body_source,
      bodyHtml: rendered.html,
    };
  }

  /** Inline, word-level, from any revision to any other (older to newer, or back). */
  async diff(actor: Actor, pageId: string, query: PageDiffQuery): Promise<PageDiff> {
    const { page } = await this.access.page(actor, pageId);
    const [from, to] = await Promise.all([this.revisions.find(page.id, query.from), this.revisions.find(page.id, query.to)]);
    if (!from || !to) throw noRevision();
    return pageDiff(from, to);
  }
}

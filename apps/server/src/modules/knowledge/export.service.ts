import type { Actor } from '../../platform/auth/actor.ts';
import type { PeopleRepository } from '../people/index.ts';
import { type ExportPage, exportFiles, fileName, pageMarkdown } from './export-files.ts';
import type { KnowledgeAccess } from './page-access.ts';
import type { PageRow, PagesRepository } from './pages.repository.ts';
import { zipFiles } from './zip-files.ts';

/** Knowledge out as Markdown with front matter: one page, or a community's whole space as a zip. */
export class ExportService {
  constructor(
    private readonly access: KnowledgeAccess,
    private readonly pages: PagesRepository,
    private readonly people: PeopleRepository,
  ) {}

  async page(actor: Actor, pageId: string): Promise<{ fileName: string; markdown: string }> {
    const { page } = await this.access.page(actor, pageId);
    const [exported] = await this.asExported([page]);
    return { fileName: `${fileName(page.title)}.md`, markdown: pageMarkdown(exported as ExportPage) };
  }

  /** Published pages only: drafts are their owners' until they publish them. */
  async community(actor: Actor, slug: string): Promise<{ fileName: string; zip: Uint8Array }> {
    const { community } = await this.access.community(actor, slug);
    const pages = await this.asExported(await this.pages.published(community.id));
    return { fileName: `${community.slug}-knowledge.zip`, zip: zipFiles(exportFiles(pages)) };
  }

  private async asExported(rows: PageRow[]): Promise<ExportPage[]> {
    const owners = await this.people.summaries([...new Set(rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])))]);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      parentId: r.parent_id,
      bodySource: r.body_source,
      kind: r.kind,
      tags: JSON.parse(r.tags) as string[],
      owner: (r.owner_id && owners.get(r.owner_id)?.name) || null,
      reviewBy: r.review_by,
      origin:
        r.origin_type && r.origin_id
          ? { type: r.origin_type, id: r.origin_id, title: r.origin_title ?? '', link: r.origin_link ?? '' }
          : null,
    }));
  }
}

import { IMPORT_LIMITS, ImportFilesInput, type ImportQuery, type ImportResult, MAX_PAGE_BYTES } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { AppError, badRequest } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { newId, now } from '../../platform/ids.ts';
import { parsePage } from '../../platform/markdown/markdown.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import { type ImportFile, type PlannedPage, planImport } from './import-plan.ts';
import { knowledgeEvent } from './knowledge.events.ts';
import { bytes, titleKey } from './naming.ts';
import { communityResource, type KnowledgeAccess, readerIn } from './page-access.ts';
import type { PageRenderer, RenderedPage } from './page-renderer.ts';
import { checkParent, isUniqueViolation } from './page-rules.ts';
import type { PageWriter } from './page-writer.ts';
import type { PagesRepository } from './pages.repository.ts';
import { MAX_DEPTH } from './present.ts';
import { tooLarge, unzipMarkdown, utf8 } from './zip-files.ts';

/** What the import route received: a zip, one Markdown file, or Markdown files as JSON. */
export type ImportUpload = { type: 'zip'; bytes: Uint8Array } | { type: 'markdown'; bytes: Uint8Array } | { type: 'json'; body: unknown };

const titleClash = (fields: { field: string; message: string }[]) =>
  new AppError(
    409,
    'import.title_taken',
    'Pages of this community already have some of these titles; nothing was imported.',
    fields.slice(0, 20),
  );

/**
 * Importing a docs folder or a wiki export as pages, all or nothing: every check runs before
 * the transaction, every page is rendered before it (links between the new pages resolve, as
 * their ids are chosen up front), and one transaction writes them all.
 */
export class ImportService {
  constructor(
    private readonly db: DB,
    private readonly access: KnowledgeAccess,
    private readonly pages: PagesRepository,
    private readonly writer: PageWriter,
    private readonly renderer: PageRenderer,
    private readonly announcer: EventSender,
  ) {}

  async import(actor: Actor, slug: string, upload: ImportUpload, query: ImportQuery): Promise<ImportResult> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'knowledge.import', communityResource(community));
    const { files, skipped: unread } = this.files(upload, query);
    const { pages: planned, skipped } = planImport(files);
    if (planned.length === 0) {
      throw badRequest('import.empty', 'There is no Markdown file (.md) to import.', [{ field: 'files', message: 'No Markdown files' }]);
    }
    for (const page of planned) if (bytes(page.body) > MAX_PAGE_BYTES) throw tooLarge(`${page.path} is larger than 1 MiB.`, page.path);
    const parentId = query.parentId ?? null;
    const baseDepth = parentId ? (await this.pages.parentChain(parentId, MAX_DEPTH + 1)).length : 0;
    const deepest = planned.reduce((deep, p) => (p.depth > deep.depth ? p : deep));
    if (baseDepth + deepest.depth > MAX_DEPTH) {
      throw badRequest('page.too_deep', `Pages nest at most ${MAX_DEPTH} levels deep.`, [{ field: deepest.path, message: 'Too deep' }]);
    }
    await this.checkTitlesFree(community.id, planned);

    // Ids first, so that the new pages' links to each other resolve as they are rendered.
    const ids = new Map(planned.map((p) => [p.key, newId()]));
    const parsedPages = new Map(planned.map((p) => [p.key, parsePage(p.body)]));
    const linked = [...new Set([...parsedPages.values()].flatMap((parsed) => parsed.titles.map(titleKey)))];
    const existing = await this.pages.publishedByKey(community.id, linked);
    const incoming = new Map(planned.filter((p) => p.status === 'published').map((p) => [titleKey(p.title), ids.get(p.key) as string]));
    const known = new Map([...existing, ...incoming]);
    const rendered = new Map<string, RenderedPage>();
    for (const [key, parsed] of parsedPages) rendered.set(key, await this.renderer.renderResolved(community, parsed, known));

    const at = now();
    try {
      await this.db.transaction().execute(async (tx) => {
        await checkParent(this.pages, community.id, parentId, null, readerIn(person, community.membership), tx);
        await this.checkTitlesFree(community.id, planned, tx);
        for (const page of planned) {
          const parent = page.parent === null ? parentId : (ids.get(page.parent) ?? null);
          const draft = {
            title: page.title,
            kind: page.kind,
            bodySource: page.body,
            tags: page.tags,
            parentId: parent,
            status: page.status,
            reviewBy: page.reviewBy,
            summary: `Imported from ${page.path}`,
            ownerId: person.personId,
          };
          await this.writer.insert(community.id, person.personId, draft, rendered.get(page.key) as RenderedPage, at, tx, ids.get(page.key));
        }
        // Pages already here that linked to these titles now resolve.
        await this.renderer.relink(community, [...incoming.keys()], tx, new Set(ids.values()));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw titleClash([{ field: 'title', message: 'Taken meanwhile' }]);
      throw error;
    }
    // One event for the whole import: readers refetch the tree once, not once per page.
    await this.announcer.send([knowledgeEvent('pages.imported', community.id, { count: planned.length })]);
    return {
      created: planned.map((p) => ({
        id: ids.get(p.key) as string,
        title: p.title,
        parentId: p.parent === null ? parentId : (ids.get(p.parent) ?? null),
        path: p.path,
      })),
      skipped: [...unread, ...skipped],
    };
  }

  private files(upload: ImportUpload, query: ImportQuery): { files: ImportFile[]; skipped: string[] } {
    if (upload.type === 'zip') return unzipMarkdown(upload.bytes);
    if (upload.type === 'markdown') {
      if (upload.bytes.length > IMPORT_LIMITS.fileBytes) throw tooLarge('A Markdown file can be at most 1 MiB.');
      const name = query.name?.trim() || 'imported.md';
      const path = /\.(md|markdown)$/i.test(name) ? name : `${name}.md`;
      return { files: [{ path, content: utf8(upload.bytes, path) }], skipped: [] };
    }
    const parsed = ImportFilesInput.safeParse(upload.body);
    if (!parsed.success) {
      const errors = parsed.error.issues.slice(0, 20).map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
      throw badRequest('validation.failed', `Check these fields: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
    }
    let total = 0;
    for (const file of parsed.data.files) {
      const size = bytes(file.content);
      if (size > IMPORT_LIMITS.fileBytes) throw tooLarge(`${file.path} is larger than 1 MiB.`, file.path);
      total += size;
    }
    if (total > IMPORT_LIMITS.totalBytes) throw tooLarge('The files add up to more than 50 MiB.');
    return { files: parsed.data.files.map((f) => ({ path: f.path, content: f.content.replace(/\0/g, '\uFFFD') })), skipped: [] };
  }

  private async checkTitlesFree(communityId: string, planned: PlannedPage[], db?: Parameters<PagesRepository['takenKeys']>[2]) {
    const byKey = new Map(planned.map((p) => [titleKey(p.title), p]));
    const taken = await this.pages.takenKeys(communityId, [...byKey.keys()], db);
    if (taken.length > 0) {
      throw titleClash(
        taken.map((key) => ({ field: byKey.get(key)?.path ?? key, message: `A page called “${byKey.get(key)?.title}” exists` })),
      );
    }
  }
}

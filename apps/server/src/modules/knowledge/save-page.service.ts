import type { KnowledgePage, RestoreRevisionInput, SavePageInput } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { PeopleRepository } from '../people/index.ts';
import { changedTitles } from './create-page.service.ts';
import { knowledgeEvent, pageAudience } from './knowledge.events.ts';
import { reviewDateFor, titleKey, withoutNul } from './naming.ts';
import { type KnowledgeAccess, type LoadedPage, readerIn } from './page-access.ts';
import type { PageRenderer } from './page-renderer.ts';
import { checkBodySize, checkParent, checkTitleFree, isUniqueViolation, titleTaken } from './page-rules.ts';
import type { PageChange, PageWriter } from './page-writer.ts';
import type { PagesRepository } from './pages.repository.ts';
import type { PagePresenter } from './present.ts';
import type { RevisionsRepository } from './revisions.repository.ts';
import { pageDiff } from './text-diff.ts';

/** Thrown inside the transaction when the page moved on; answered outside it with what changed. */
class StaleVersion extends Error {}

/** Saving a page's next revision, by editing or by restoring an old one. */
export class SavePageService {
  constructor(
    private readonly db: DB,
    private readonly access: KnowledgeAccess,
    private readonly pages: PagesRepository,
    private readonly revisions: RevisionsRepository,
    private readonly writer: PageWriter,
    private readonly renderer: PageRenderer,
    private readonly presenter: PagePresenter,
    private readonly people: PeopleRepository,
    private readonly announcer: EventSender,
  ) {}

  async save(actor: Actor, pageId: string, input: SavePageInput): Promise<KnowledgePage> {
    const { person, page, resource } = await this.access.page(actor, pageId);
    authorize(person, 'page.edit', resource);
    checkBodySize(input.bodySource);
    // Taking a published page back to draft hides it from everyone else: that is the curators' call.
    if (input.status === 'draft' && page.status === 'published') authorize(person, 'page.manage', resource);
    const kind = input.kind ?? page.kind;
    return this.apply(person, page, input.version, {
      title: input.title,
      bodySource: withoutNul(input.bodySource),
      kind,
      tags: input.tags ? [...new Set(input.tags)] : (JSON.parse(page.tags) as string[]),
      parentId: input.parentId !== undefined ? input.parentId : page.parent_id,
      status: input.status ?? page.status,
      // An edit is a review: the page is good for another period unless the editor chose a date.
      reviewBy: input.reviewBy ?? reviewDateFor(kind),
      summary: input.summary ? withoutNul(input.summary) : null,
    });
  }

  /** The old revision's title and text become the newest revision; nothing is lost. */
  async restore(actor: Actor, pageId: string, version: number, input: RestoreRevisionInput): Promise<KnowledgePage> {
    const { person, page, resource } = await this.access.page(actor, pageId);
    authorize(person, 'page.edit', resource);
    const revision = await this.revisions.find(page.id, version);
    if (!revision) throw notFound('revision.not_found', 'This page has no such revision.');
    return this.apply(person, page, input.version, {
      title: revision.title,
      bodySource: revision.body_source,
      kind: page.kind,
      tags: JSON.parse(page.tags) as string[],
      parentId: page.parent_id,
      status: page.status,
      reviewBy: reviewDateFor(page.kind),
      summary: input.summary ? withoutNul(input.summary) : `Restored version ${version}`,
    });
  }

  private async apply(person: PersonActor, page: LoadedPage, version: number, change: PageChange): Promise<KnowledgePage> {
    if (version !== page.version) throw await this.conflict(page.id, version);
    const community = { id: page.community_id, slug: page.community_slug };
    const rendered = await this.renderer.render(community, change.bodySource);
    const at = now();
    try {
      await this.db.transaction().execute(async (tx) => {
        if (titleKey(change.title) !== page.title_key) await checkTitleFree(this.pages, community.id, change.title, page.id, tx);
        if (change.parentId !== page.parent_id) {
          await checkParent(this.pages, community.id, change.parentId, page.id, readerIn(person, page.membership), tx);
        }
        const confirmed = await this.renderer.confirm(community, rendered, tx);
        if (!(await this.writer.save(page, version, change, confirmed, person.personId, at, tx))) throw new StaleVersion();
        await this.renderer.relink(community, changedTitles(page, { status: change.status, title_key: titleKey(change.title) }), tx);
      });
    } catch (error) {
      if (error instanceof StaleVersion) throw await this.conflict(page.id, version);
      if (isUniqueViolation(error)) throw titleTaken(change.title);
      throw error;
    }
    const after = { status: change.status, owner_id: page.owner_id };
    const events = [knowledgeEvent('page.changed', community.id, { pageId: page.id, version: version + 1 }, pageAudience(after))];
    // Unpublished: the readers who had it open learn that it went away.
    if (page.status === 'published' && change.status === 'draft')
      events.push(knowledgeEvent('page.deleted', community.id, { pageId: page.id }));
    await this.announcer.send(events);
    const reloaded = await this.access.page(person, page.id);
    return this.presenter.page(person, reloaded.page);
  }

  /**
   * 409 `page.version_conflict` with the page as it is now, who saved it, and what changed since
   * the version the editor started from, so that they can merge by hand and lose nothing.
   */
  private async conflict(pageId: string, baseVersion: number): Promise<AppError> {
    const current = await this.pages.find(pageId);
    const message = 'Someone saved this page after you opened it. Your text is not lost: compare, merge and save again.';
    if (!current) return new AppError(409, 'page.version_conflict', message);
    const [latest, base] = await Promise.all([this.revisions.find(pageId, current.version), this.revisions.find(pageId, baseVersion)]);
    const updatedBy = current.updated_by ? ((await this.people.summaries([current.updated_by])).get(current.updated_by) ?? null) : null;
    return new AppError(409, 'page.version_conflict', message, undefined, {
      current: {
        version: current.version,
        title: current.title,
        bodySource: current.body_source,
        updatedAt: current.updated_at,
        updatedBy,
        summary: latest?.summary ?? null,
      },
      ...(base && base.version < current.version && { changes: pageDiff(base, current) }),
    });
  }
}

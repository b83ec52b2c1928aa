import type { KnowledgePage } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest, conflict } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { MembershipsRepository } from '../communities/index.ts';
import { changedTitles } from './create-page.service.ts';
import { knowledgeEvent, pageAudience } from './knowledge.events.ts';
import { reviewDateFor } from './naming.ts';
import type { KnowledgeAccess } from './page-access.ts';
import type { PageRenderer } from './page-renderer.ts';
import type { PagesRepository } from './pages.repository.ts';
import type { PagePresenter } from './present.ts';

/**
 * Tending pages without changing their text: "still accurate", a new owner, deletion. None of
 * these is a revision, and none moves `version`, so nobody's open editor is put in conflict.
 */
export class ManagePageService {
  constructor(
    private readonly db: DB,
    private readonly access: KnowledgeAccess,
    private readonly pages: PagesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly renderer: PageRenderer,
    private readonly presenter: PagePresenter,
    private readonly announcer: EventSender,
  ) {}

  /** "Still accurate": good for another period of its kind, from today. */
  async confirmFresh(actor: Actor, pageId: string): Promise<KnowledgePage> {
    const { person, page, resource } = await this.access.page(actor, pageId);
    authorize(person, 'page.edit', resource);
    await this.db
      .transaction()
      .execute((tx) => this.pages.update(page.id, { review_by: reviewDateFor(page.kind), last_confirmed_at: now() }, tx));
    await this.announcer.send([
      knowledgeEvent('page.changed', page.community_id, { pageId: page.id, version: page.version }, pageAudience(page)),
    ]);
    return this.presenter.page(person, (await this.access.page(person, page.id)).page);
  }

  /** The owner answers for the page (and its reviews); only an active member of the community can be one. */
  async changeOwner(actor: Actor, pageId: string, ownerId: string): Promise<KnowledgePage> {
    const { person, page, resource } = await this.access.page(actor, pageId);
    authorize(person, 'page.manage', resource);
    const membership = await this.memberships.find(page.community_id, ownerId);
    if (membership?.status !== 'active') {
      throw badRequest('page.owner_not_member', 'A page’s owner must be a member of its community.', [
        { field: 'ownerId', message: 'Not a member of this community' },
      ]);
    }
    await this.db.transaction().execute((tx) => this.pages.update(page.id, { owner_id: ownerId }, tx));
    const after = { status: page.status, owner_id: ownerId };
    await this.announcer.send([
      knowledgeEvent('page.changed', page.community_id, { pageId: page.id, version: page.version }, pageAudience(after)),
    ]);
    // Answered even when the caller handed on a draft they will no longer see: they held it a moment ago.
    const reloaded = await this.pages.findWithFacts(page.id, person.personId);
    if (!reloaded) throw conflict('page.gone', 'The page was deleted meanwhile.');
    return this.presenter.page(person, reloaded);
  }

  /** Its sub-pages must be moved or deleted first; links to it become "create this page" again. */
  async delete(actor: Actor, pageId: string): Promise<void> {
    const { person, page, resource } = await this.access.page(actor, pageId);
    authorize(person, 'page.manage', resource);
    const community = { id: page.community_id, slug: page.community_slug };
    await this.db.transaction().execute(async (tx) => {
      if (await this.pages.hasChildren(page.id, tx)) {
        throw conflict('page.has_children', 'Move or delete this page’s sub-pages first.');
      }
      await this.pages.delete(page.id, tx);
      await this.renderer.relink(community, changedTitles(page, null), tx);
    });
    await this.announcer.send([knowledgeEvent('page.deleted', page.community_id, { pageId: page.id }, pageAudience(page))]);
  }
}

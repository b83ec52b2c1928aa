import type { CreatePageInput, KnowledgePage } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import { knowledgeEvent, pageAudience } from './knowledge.events.ts';
import { titleKey, withoutNul } from './naming.ts';
import { communityResource, type KnowledgeAccess, readerIn, type VisibleCommunity } from './page-access.ts';
import type { PageRenderer } from './page-renderer.ts';
import { checkBodySize, checkParent, checkTitleFree, isUniqueViolation, titleTaken } from './page-rules.ts';
import type { NewPage, PageWriter } from './page-writer.ts';
import type { PagesRepository } from './pages.repository.ts';
import type { PagePresenter } from './present.ts';

/**
 * The titles whose links must be rendered again when a page's published title changes: a page
 * that appears, is renamed, is published, unpublished or deleted.
 */
export function changedTitles(before: { status: string; title_key: string } | null, after: { status: string; title_key: string } | null) {
  const was = before?.status === 'published' ? before.title_key : null;
  const is = after?.status === 'published' ? after.title_key : null;
  return was === is ? [] : [was, is].filter((k): k is string => k !== null);
}

/** Writing a new page: by hand here, and for capture and import through `write`. */
export class CreatePageService {
  constructor(
    private readonly db: DB,
    private readonly access: KnowledgeAccess,
    private readonly pages: PagesRepository,
    private readonly writer: PageWriter,
    private readonly renderer: PageRenderer,
    private readonly presenter: PagePresenter,
    private readonly announcer: EventSender,
  ) {}

  async create(actor: Actor, slug: string, input: CreatePageInput): Promise<KnowledgePage> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'page.create', communityResource(community));
    const id = await this.write(person, community, {
      title: input.title,
      kind: input.kind,
      bodySource: withoutNul(input.bodySource),
      tags: [...new Set(input.tags)],
      parentId: input.parentId,
      status: input.status,
      reviewBy: input.reviewBy,
      summary: input.summary ? withoutNul(input.summary) : null,
      ownerId: person.personId,
    });
    const { page } = await this.access.page(person, id);
    return this.presenter.page(person, page);
  }

  /** Checks, renders outside the transaction, writes, and tells who may read it. The caller has authorized. */
  async write(person: PersonActor, community: VisibleCommunity, page: NewPage): Promise<string> {
    checkBodySize(page.bodySource);
    const rendered = await this.renderer.render(community, page.bodySource);
    const at = now();
    let id = '';
    try {
      await this.db.transaction().execute(async (tx) => {
        id = await this.insertChecked(person, community, page, rendered, at, tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw titleTaken(page.title);
      throw error;
    }
    await this.announcer.send([
      knowledgeEvent(
        'page.changed',
        community.id,
        { pageId: id, version: 1 },
        pageAudience({ status: page.status, owner_id: page.ownerId }),
      ),
    ]);
    return id;
  }

  private async insertChecked(
    person: PersonActor,
    community: VisibleCommunity,
    page: NewPage,
    rendered: Awaited<ReturnType<PageRenderer['render']>>,
    at: string,
    tx: Tx,
  ): Promise<string> {
    await checkTitleFree(this.pages, community.id, page.title, null, tx);
    await checkParent(this.pages, community.id, page.parentId, null, readerIn(person, community.membership), tx);
    const confirmed = await this.renderer.confirm(community, rendered, tx);
    const id = await this.writer.insert(community.id, person.personId, page, confirmed, at, tx);
    // Pages that linked to this title before it existed now resolve (this one too, if it links to itself).
    await this.renderer.relink(community, changedTitles(null, { status: page.status, title_key: titleKey(page.title) }), tx);
    return id;
  }
}

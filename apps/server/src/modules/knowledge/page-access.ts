import type { DB, Tx } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, type CommunityFacts, type MembershipFacts, type Resource, requirePerson } from '../../platform/auth/policy.ts';
import { type CommunitiesService, communityResource } from '../communities/index.ts';
import type { PageReader, PagesRepository } from './pages.repository.ts';
import type { WhiteboardsRepository } from './whiteboards.repository.ts';

export type LoadedPage = NonNullable<Awaited<ReturnType<PagesRepository['findWithFacts']>>>;
export type LoadedWhiteboard = NonNullable<Awaited<ReturnType<WhiteboardsRepository['findWithFacts']>>>;
export type VisibleCommunity = Awaited<ReturnType<CommunitiesService['visible']>>['community'];
type PageResource = Extract<Resource, { type: 'page' }>;
type WhiteboardResource = Extract<Resource, { type: 'whiteboard' }>;

const facts = (c: { visibility: 'open' | 'private'; membership: MembershipFacts; stage: string }): CommunityFacts => ({
  visibility: c.visibility,
  membership: c.membership,
  archived: c.stage === 'archived',
});

export const pageResource = (page: LoadedPage, viewerId: string): PageResource => ({
  type: 'page',
  community: facts({ visibility: page.visibility, membership: page.membership, stage: page.community_stage }),
  page: { isOwner: page.owner_id === viewerId, draft: page.status === 'draft' },
});

export const whiteboardResource = (board: LoadedWhiteboard, viewerId: string): WhiteboardResource => ({
  type: 'whiteboard',
  community: facts({ visibility: board.visibility, membership: board.membership, stage: board.community_stage }),
  whiteboard: { isCreator: board.created_by === viewerId },
});

export { communityResource };

/** Whose drafts a person sees in a community: their own, or all of them if they facilitate it. */
export const readerIn = (person: PersonActor, membership: MembershipFacts): PageReader => ({
  personId: person.personId,
  facilitator: membership?.status === 'active' && membership.role === 'facilitator',
});

/**
 * Loads pages, whiteboards and communities for an actor with the facts the policy decides on,
 * answering "not found" alike for what does not exist and what the actor may not see (a
 * private community's pages, someone else's draft).
 */
export class KnowledgeAccess {
  constructor(
    private readonly pages: PagesRepository,
    private readonly whiteboards: WhiteboardsRepository,
    private readonly communities: CommunitiesService,
  ) {}

  async page(actor: Actor, pageId: string, db?: DB | Tx): Promise<{ person: PersonActor; page: LoadedPage; resource: PageResource }> {
    const person = requirePerson(actor);
    const page = await this.pages.findWithFacts(pageId, person.personId, db);
    if (!page) throw notFound('page.not_found', 'No such page.');
    const resource = pageResource(page, person.personId);
    authorize(person, 'page.read', resource);
    return { person, page, resource };
  }

  async whiteboard(
    actor: Actor,
    id: string,
    db?: DB | Tx,
  ): Promise<{ person: PersonActor; board: LoadedWhiteboard; resource: WhiteboardResource }> {
    const person = requirePerson(actor);
    const board = await this.whiteboards.findWithFacts(id, person.personId, db);
    if (!board) throw notFound('whiteboard.not_found', 'No such whiteboard.');
    const resource = whiteboardResource(board, person.personId);
    // Whiteboards are read like published pages: by whoever sees the community.
    authorize(person, 'page.read', resource);
    return { person, board, resource };
  }

  community(actor: Actor, slug: string) {
    return this.communities.visible(actor, slug);
  }
}

import { type BuddyResult, type CreateNewcomerItemInput, type NewcomerItem, type NewcomerPath, ONBOARDING_EVENTS } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/policy.ts';
import { newId, now } from '../../platform/ids.ts';
import { renderMarkdown } from '../../platform/markdown/markdown.ts';
import type { EventBus } from '../../platform/realtime/bus.ts';
import { type CommunitiesService, communityResource } from '../communities/index.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { ItemRow, OnboardingRepository } from './onboarding.repository.ts';

export const toItem = (r: Omit<ItemRow, 'done'> & { done: boolean }): NewcomerItem => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  url: r.url,
  threadId: r.thread_id,
  body: r.body,
  bodyHtml: r.body_html,
  position: r.position,
  done: r.done,
});

/**
 * A community's "start here" path: facilitators curate it, a new member follows it at their
 * own pace, and can ask for a buddy from the core group.
 */
export class OnboardingService {
  constructor(
    private readonly db: DB,
    private readonly communities: CommunitiesService,
    private readonly onboarding: OnboardingRepository,
    private readonly people: PeopleRepository,
    private readonly bus: EventBus,
  ) {}

  async path(actor: Actor, slug: string): Promise<NewcomerPath> {
    const { person, community } = await this.communities.visible(actor, slug);
    const resource = communityResource(community);
    const [rows, buddy] = await Promise.all([
      this.onboarding.items(community.id, person.personId),
      this.onboarding.buddyOf(community.id, person.personId),
    ]);
    const buddySummary = buddy ? (await this.people.summaries([buddy.buddy_id])).get(buddy.buddy_id) : undefined;
    return {
      community: { slug: community.slug, name: community.name },
      items: rows.map(toItem),
      progress: { done: rows.filter((r) => r.done).length, total: rows.length },
      buddy: buddySummary ?? null,
      canManage: can(person, 'community.onboarding.manage', resource),
      canFollow: can(person, 'community.onboarding.follow', resource),
    };
  }

  async addItem(actor: Actor, slug: string, input: CreateNewcomerItemInput): Promise<NewcomerPath> {
    const { person, community } = await this.communities.visible(actor, slug);
    authorize(person, 'community.onboarding.manage', communityResource(community));
    if (input.kind === 'thread' && !(await this.onboarding.threadIn(input.threadId, community.id))) {
      throw badRequest('newcomer.thread_not_in_community', 'Pick a thread of this community.', [
        { field: 'threadId', message: 'Not a thread of this community' },
      ]);
    }
    const body = input.body ?? '';
    const row = {
      id: newId(),
      community_id: community.id,
      kind: input.kind,
      title: input.title,
      url: 'url' in input ? input.url : null,
      thread_id: input.kind === 'thread' ? input.threadId : null,
      body,
      body_html: body ? renderMarkdown(body) : '',
      created_by: person.personId,
      created_at: now(),
    };
    await this.db.transaction().execute((tx) => this.onboarding.insertItem(row, tx));
    return this.path(person, slug);
  }

  async removeItem(actor: Actor, slug: string, itemId: string): Promise<void> {
    const { person, community } = await this.communities.visible(actor, slug);
    authorize(person, 'community.onboarding.manage', communityResource(community));
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.onboarding.findItem(community.id, itemId, tx))) throw notFound('newcomer.item_not_found', 'No such step.');
      await this.onboarding.removeItem(itemId, tx);
    });
  }

  /** The full list of the path's steps in their new order; anything else is refused. */
  async reorder(actor: Actor, slug: string, itemIds: string[]): Promise<NewcomerPath> {
    const { person, community } = await this.communities.visible(actor, slug);
    authorize(person, 'community.onboarding.manage', communityResource(community));
    await this.db.transaction().execute(async (tx) => {
      const current = await this.onboarding.itemIds(community.id, tx);
      if (current.length !== itemIds.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.includes(id))) {
        throw badRequest('newcomer.order_mismatch', 'List every step of the path exactly once.', [
          { field: 'itemIds', message: 'Not the steps of this path' },
        ]);
      }
      await this.onboarding.reorder(community.id, itemIds, tx);
    });
    return this.path(person, slug);
  }

  async markDone(actor: Actor, slug: string, itemId: string, done: boolean): Promise<NewcomerPath> {
    const { person, community } = await this.communities.visible(actor, slug);
    authorize(person, 'community.onboarding.follow', communityResource(community));
    if (!(await this.onboarding.findItem(community.id, itemId))) throw notFound('newcomer.item_not_found', 'No such step.');
    if (done) await this.onboarding.markDone(itemId, person.personId, now());
    else await this.onboarding.markUndone(itemId, person.personId);
    return this.path(person, slug);
  }

  /** Assigns the least busy core member as buddy; asking again answers the same buddy. */
  async requestBuddy(actor: Actor, slug: string): Promise<{ result: BuddyResult; created: boolean }> {
    const { person, community } = await this.communities.visible(actor, slug);
    authorize(person, 'community.onboarding.follow', communityResource(community));
    const outcome = await this.db.transaction().execute(async (tx) => {
      const existing = await this.onboarding.buddyOf(community.id, person.personId, tx);
      if (existing) return { buddyId: existing.buddy_id, at: existing.created_at, created: false };
      const buddy = await this.onboarding.leastBusyCoreMember(community.id, person.personId, tx);
      if (!buddy) throw conflict('newcomer.no_buddy_available', 'Nobody in the core group is available as a buddy yet; ask a facilitator.');
      const at = now();
      await this.onboarding.assignBuddy(community.id, person.personId, buddy.person_id, at, tx);
      return { buddyId: buddy.person_id, at, created: true };
    });
    if (outcome.created) {
      await this.bus
        .publish({
          type: ONBOARDING_EVENTS.buddyAssigned,
          communityId: community.id,
          audience: [outcome.buddyId, person.personId],
          data: { communityId: community.id, personId: person.personId, buddyId: outcome.buddyId },
        })
        .catch(() => {});
    }
    const buddy = (await this.people.summaries([outcome.buddyId])).get(outcome.buddyId);
    if (!buddy) throw notFound('person.not_found', 'Your buddy no longer exists.');
    return { result: { buddy, assignedAt: outcome.at }, created: outcome.created };
  }
}

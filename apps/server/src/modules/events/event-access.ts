import type { DB, Tx } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { can, requirePerson } from '../../platform/auth/policy.ts';
import type { CommunitiesService } from '../communities/index.ts';
import type { EventsRepository, EventWithCommunity, OccurrenceRow } from './events.repository.ts';
import { isOccurrenceOf } from './recurrence.ts';

export type CommunityResource = {
  type: 'community';
  community: { visibility: 'open' | 'private'; membership: EventWithCommunity['membership']; archived: boolean };
};

/** Sessions are hidden with their community and take part in its rules (archived = read-only). */
export const eventResource = (e: Pick<EventWithCommunity, 'visibility' | 'membership' | 'stage'>): CommunityResource => ({
  type: 'community',
  community: { visibility: e.visibility, membership: e.membership, archived: e.stage === 'archived' },
});

/** One session, for the rules that depend on who presents in it (event.present). */
export const sessionResource = (
  resource: CommunityResource,
  isPresenter: boolean,
): { type: 'session'; community: CommunityResource['community']; session: { isPresenter: boolean } } => ({
  type: 'session',
  community: resource.community,
  session: { isPresenter },
});

export const communityResourceOf = (c: {
  visibility: 'open' | 'private';
  membership: EventWithCommunity['membership'];
  stage: string;
}): CommunityResource => eventResource(c);

const noEvent = () => notFound('event.not_found', 'No such event.');
const noOccurrence = () => notFound('occurrence.not_found', 'That event has no session at that time.');

/**
 * Loads series and occurrences for an actor with the facts the policy decides on, answering
 * "not found" alike for what does not exist and what the actor may not see.
 */
export class EventAccess {
  constructor(
    private readonly events: EventsRepository,
    private readonly communities: CommunitiesService,
  ) {}

  async event(
    actor: Actor,
    eventId: string,
    db?: DB | Tx,
  ): Promise<{ person: PersonActor; event: EventWithCommunity; resource: CommunityResource }> {
    const person = requirePerson(actor);
    const event = await this.events.find(eventId, person.personId, db);
    if (!event) throw noEvent();
    const resource = eventResource(event);
    if (!can(person, 'event.read', resource)) throw noEvent();
    return { person, event, resource };
  }

  /** An occurrence of a readable series; `row` is its record when something is attached to it. */
  async occurrence(actor: Actor, eventId: string, key: string, db?: DB | Tx) {
    const loaded = await this.event(actor, eventId, db);
    const row: OccurrenceRow | undefined = await this.events.findOccurrence(eventId, key, db);
    if (!row && !isOccurrenceOf(loaded.event, key)) throw noOccurrence();
    return { ...loaded, key, row };
  }

  /** An occurrence record by id (questions, agenda slots and reflections hang off it). */
  async occurrenceById(actor: Actor, occurrenceId: string, db?: DB | Tx) {
    const row = await this.events.findOccurrenceById(occurrenceId, db);
    if (!row) throw noOccurrence();
    const loaded = await this.event(actor, row.event_id, db);
    return { ...loaded, key: row.occurrence_key, row };
  }

  community(actor: Actor, slug: string) {
    return this.communities.visible(actor, slug);
  }
}

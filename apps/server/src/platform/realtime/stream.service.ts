import type { Actor, PersonActor } from '../auth/actor.ts';
import { type CommunityFacts, can, requirePerson } from '../auth/policy.ts';
import { type EventBus, MEMBERSHIP_CHANGED, type PublishedEvent } from './bus.ts';
import type { CommunityAccessRepository } from './community-access.repository.ts';

/**
 * How long a stream trusts what it loaded about a person's access to a community. Changes
 * to the person's own membership are applied at once (MEMBERSHIP_CHANGED); this bounds how
 * long anything else (a community turning private) takes to show.
 */
const ACCESS_TTL_MS = 10_000;
const MAX_CACHED_COMMUNITIES = 500;

type Log = { error: (obj: object, msg: string) => void };

export type LiveStream = {
  /** Starts delivering the events this person may read, in order; returns the stop function. */
  start(send: (event: PublishedEvent) => void): () => void;
};

export class StreamService {
  constructor(
    private readonly bus: EventBus,
    private readonly access: CommunityAccessRepository,
    private readonly log?: Log,
  ) {}

  /** Only signed-in people get a stream; anonymous callers get the usual 401. */
  open(actor: Actor): LiveStream {
    const person = requirePerson(actor);
    const mayReceive = readerFilter(person, this.access);
    return {
      start: (send) => {
        let stopped = false;
        // One event at a time: a database lookup for one event must not let a later one overtake it.
        let queue = Promise.resolve();
        const unsubscribe = this.bus.subscribe((event) => {
          queue = queue.then(async () => {
            try {
              if (!stopped && (await mayReceive(event))) send(event);
            } catch (error) {
              // Fail closed: an event we could not check is an event not sent.
              this.log?.error({ err: error, event: event.type }, 'could not check an event for a stream');
            }
          });
        });
        return () => {
          stopped = true;
          unsubscribe();
        };
      },
    };
  }
}

/**
 * The permission check of one connection, with a short-lived cache of (visibility,
 * membership) per community so that a busy community costs one lookup per ten seconds,
 * not one per event.
 */
export function readerFilter(person: PersonActor, access: CommunityAccessRepository) {
  const cache = new Map<string, { facts: CommunityFacts | null; until: number }>();

  async function factsFor(communityId: string) {
    const hit = cache.get(communityId);
    if (hit && hit.until > Date.now()) return hit.facts;
    const facts = await access.facts(communityId, person.personId);
    if (cache.size >= MAX_CACHED_COMMUNITIES) cache.clear();
    cache.set(communityId, { facts, until: Date.now() + ACCESS_TTL_MS });
    return facts;
  }

  return async (event: PublishedEvent): Promise<boolean> => {
    // Before the check: joining, leaving or being removed changes the answer for this very event.
    if (event.type === MEMBERSHIP_CHANGED && event.communityId && event.data.personId === person.personId) {
      cache.delete(event.communityId);
    }
    if (event.audience && !event.audience.includes(person.personId)) return false;
    if (event.communityId === null) return true;
    const facts = await factsFor(event.communityId);
    return facts !== null && can(person, 'community.read', { type: 'community', community: facts });
  };
}

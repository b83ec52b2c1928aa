import type { CalendarFeed, CreateCalendarFeedInput, CreatedCalendarFeed } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { hashSecret, newId, newSecret, now } from '../../platform/ids.ts';
import { communityResourceOf, type EventAccess } from './event-access.ts';
import type { EventsRepository, EventWithCommunity } from './events.repository.ts';
import type { FeedRow, FeedsRepository } from './feeds.repository.ts';
import { buildCalendar } from './ics.ts';

const noFeed = () => notFound('calendar_feed.not_found', 'No such calendar feed.');

/**
 * Calendar downloads and subscribable feeds. A feed URL carries a 256-bit secret, which is its
 * only credential (calendar clients send no cookies); the feed is rendered as its owner would
 * see it *now*, so leaving a private community or being removed empties what it shows, and
 * revoking answers 404 like a secret that never existed.
 */
export class CalendarService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly events: EventsRepository,
    private readonly feeds: FeedsRepository,
  ) {}

  async eventIcs(actor: Actor, eventId: string, origin: string): Promise<{ filename: string; body: string }> {
    const { event } = await this.access.event(actor, eventId);
    const rows = await this.events.occurrencesOf([event.id]);
    return { filename: `${event.id}.ics`, body: buildCalendar(event.title, [event], rows, origin) };
  }

  async create(actor: Actor, input: CreateCalendarFeedInput, origin: string): Promise<CreatedCalendarFeed> {
    const person = requirePerson(actor);
    authorize(person, 'calendar_feed.manage', { type: 'self' });
    let community: { id: string; slug: string; name: string } | null = null;
    if (input.scope === 'community') {
      const visible = await this.access.community(person, input.community);
      authorize(person, 'event.read', communityResourceOf(visible.community));
      community = { id: visible.community.id, slug: visible.community.slug, name: visible.community.name };
    }
    const token = newSecret('ghcal');
    const row: FeedRow = {
      id: newId(),
      person_id: person.personId,
      scope: input.scope,
      community_id: community?.id ?? null,
      token_hash: hashSecret(token),
      created_at: now(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.transaction().execute((tx) => this.feeds.insert(row, tx));
    return {
      id: row.id,
      scope: row.scope,
      community,
      createdAt: row.created_at,
      lastUsedAt: null,
      url: `${origin}/api/v1/calendar/${token}.ics`,
      token,
    };
  }

  async list(actor: Actor): Promise<CalendarFeed[]> {
    const person = requirePerson(actor);
    authorize(person, 'calendar_feed.manage', { type: 'self' });
    const rows = await this.feeds.listOf(person.personId);
    return rows.map((r) => ({
      id: r.id,
      scope: r.scope,
      community:
        r.community_id && r.community_slug && r.community_name
          ? { id: r.community_id, slug: r.community_slug, name: r.community_name }
          : null,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  async revoke(actor: Actor, feedId: string): Promise<void> {
    const person = requirePerson(actor);
    authorize(person, 'calendar_feed.manage', { type: 'self' });
    const revoked = await this.db.transaction().execute((tx) => this.feeds.revoke(feedId, person.personId, now(), tx));
    if (!revoked) throw noFeed();
  }

  /** The feed behind a secret URL, rendered for its owner; unknown or revoked secrets are 404. */
  async feed(token: string, origin: string): Promise<string> {
    const feed = await this.feeds.byToken(hashSecret(token));
    if (!feed) throw noFeed();
    // The owner's authority, never more: a feed is not a session, so it reads only.
    const owner: PersonActor = { kind: 'person', personId: feed.person_id, orgRole: feed.org_role, via: 'token' };
    const far = { fromLocal: '0000-01-01T00:00', toLocal: '9999-12-31T23:59' };
    let series: EventWithCommunity[];
    let name: string;
    if (feed.scope === 'community') {
      const slug = feed.community_id ? await this.communitySlug(feed.community_id) : undefined;
      if (!slug) throw noFeed();
      const { community } = await this.access.community(owner, slug).catch(() => {
        throw noFeed();
      });
      series = await this.events.allOfCommunity(community.id, owner.personId);
      name = community.name;
    } else {
      series = await this.events.seriesFor(owner, { mine: true }, far);
      name = 'My Guildhall sessions';
    }
    const rows = await this.events.occurrencesOf(series.map((s) => s.id));
    await this.feeds.touch(feed.id, now());
    return buildCalendar(name, series, rows, origin);
  }

  private async communitySlug(communityId: string): Promise<string | undefined> {
    return this.events.communitySlug(communityId);
  }
}

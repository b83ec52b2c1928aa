import { sql } from 'kysely';
import type { DB, Dialect, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import type { PersonActor } from '../../platform/auth/actor.ts';
import type { MembershipFacts } from '../../platform/auth/policy.ts';
import { newId, now } from '../../platform/ids.ts';
import { visibleTo } from '../communities/index.ts';

export type EventRow = Tables['event'];
export type OccurrenceRow = Tables['occurrence'];
/** A series with what the policy and the presenter need: its community and the viewer's membership. */
export type EventWithCommunity = EventRow & {
  community_slug: string;
  community_name: string;
  visibility: 'open' | 'private';
  stage: string;
  membership: MembershipFacts;
};

/** Series, and the occurrences that have something attached to them. */
export class EventsRepository {
  constructor(
    private readonly db: DB,
    private readonly dialect: Dialect,
  ) {}

  private withCommunity(viewerId: string, db: DB | Tx) {
    return db
      .selectFrom('event')
      .innerJoin('community', 'community.id', 'event.community_id')
      .leftJoin('membership as mine', (join) =>
        join.onRef('mine.community_id', '=', 'event.community_id').on('mine.person_id', '=', viewerId),
      )
      .selectAll('event')
      .select([
        'community.slug as community_slug',
        'community.name as community_name',
        'community.visibility',
        'community.stage',
        'mine.role as my_role',
        'mine.status as my_status',
      ]);
  }

  async find(id: string, viewerId: string, db: DB | Tx = this.db): Promise<EventWithCommunity | undefined> {
    const row = await this.withCommunity(viewerId, db).where('event.id', '=', id).executeTakeFirst();
    return row && withFacts(row);
  }

  /**
   * Series of one community, or of every community the person reads and is a member of (plus
   * those they RSVPed "going" to), that may have sessions before `toLocal`. Which of their
   * sessions fall in the window is the rule's business (recurrence.ts).
   */
  async seriesFor(
    actor: PersonActor,
    scope: { communityId: string } | { mine: true },
    window: { fromLocal: string; toLocal: string },
  ): Promise<EventWithCommunity[]> {
    let query = this.withCommunity(actor.personId, this.db)
      .where('event.start_local', '<=', window.toLocal)
      // A one-off before the window cannot be in it (unless moved: only series rows are scanned).
      .where((eb) => eb.or([eb('event.rrule', 'is not', null), eb('event.start_local', '>=', window.fromLocal)]));
    if ('communityId' in scope) {
      query = query.where('event.community_id', '=', scope.communityId);
    } else {
      query = query
        .where('event.community_id', 'in', this.db.selectFrom('community').select('community.id').where(visibleTo(actor)))
        .where((eb) =>
          eb.or([
            eb('mine.status', '=', 'active'),
            eb.exists(
              eb
                .selectFrom('rsvp')
                .innerJoin('occurrence as o', 'o.id', 'rsvp.occurrence_id')
                .select('rsvp.person_id')
                .whereRef('o.event_id', '=', 'event.id')
                .where('rsvp.person_id', '=', actor.personId)
                .where('rsvp.status', 'in', ['going', 'waitlisted']),
            ),
          ]),
        );
    }
    const rows = await query.orderBy('event.start_local').orderBy('event.id').limit(2000).execute();
    return rows.map(withFacts);
  }

  /** Every series of a community, for its calendar feed. */
  async allOfCommunity(communityId: string, viewerId: string): Promise<EventWithCommunity[]> {
    const rows = await this.withCommunity(viewerId, this.db)
      .where('event.community_id', '=', communityId)
      .orderBy('event.start_local', 'desc')
      .limit(1000)
      .execute();
    return rows.map(withFacts);
  }

  /** Occurrence rows of these series whose original or moved start is in the window. */
  async occurrencesIn(eventIds: string[], fromLocal: string, toLocal: string): Promise<OccurrenceRow[]> {
    if (eventIds.length === 0) return [];
    return this.db
      .selectFrom('occurrence')
      .selectAll()
      .where('event_id', 'in', eventIds)
      .where((eb) =>
        eb.or([
          eb.between('occurrence_key', fromLocal, toLocal),
          eb.and([eb('start_local', 'is not', null), eb.between('start_local', fromLocal, toLocal)]),
        ]),
      )
      .execute();
  }

  async occurrencesOf(eventIds: string[], db: DB | Tx = this.db): Promise<OccurrenceRow[]> {
    if (eventIds.length === 0) return [];
    return db.selectFrom('occurrence').selectAll().where('event_id', 'in', eventIds).orderBy('occurrence_key').execute();
  }

  async findOccurrence(eventId: string, key: string, db: DB | Tx = this.db): Promise<OccurrenceRow | undefined> {
    return db.selectFrom('occurrence').selectAll().where('event_id', '=', eventId).where('occurrence_key', '=', key).executeTakeFirst();
  }

  async findOccurrenceById(id: string, db: DB | Tx = this.db): Promise<OccurrenceRow | undefined> {
    return db.selectFrom('occurrence').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * The occurrence's record, created when something first attaches to it, and locked for the
   * rest of the transaction (capacity and waitlist decisions are made under this lock; SQLite
   * already runs one write transaction at a time).
   */
  async materialise(eventId: string, key: string, tx: Tx): Promise<OccurrenceRow> {
    const at = now();
    await tx
      .insertInto('occurrence')
      .values({
        id: newId(),
        event_id: eventId,
        occurrence_key: key,
        start_local: null,
        duration_minutes: null,
        title: null,
        place: null,
        video_url: null,
        capacity: null,
        cancelled_at: null,
        notes_source: null,
        notes_html: null,
        slides_url: null,
        recording_url: null,
        reading_id: null,
        discussion_thread_id: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['event_id', 'occurrence_key']).doNothing())
      .execute();
    let query = tx.selectFrom('occurrence').selectAll().where('event_id', '=', eventId).where('occurrence_key', '=', key);
    if (this.dialect === 'postgres') query = query.forUpdate();
    return query.executeTakeFirstOrThrow();
  }

  async updateOccurrence(id: string, patch: Partial<Omit<OccurrenceRow, 'id' | 'event_id'>>, tx: Tx): Promise<void> {
    await tx
      .updateTable('occurrence')
      .set({ ...patch, updated_at: now(), version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  }

  async insert(row: EventRow, tx: Tx): Promise<void> {
    await tx.insertInto('event').values(row).execute();
  }

  /** Applies the change only if nobody saved in between; answers whether it did. */
  async updateIfVersion(id: string, version: number, patch: Partial<EventRow>, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('event')
      .set({ ...patch, version: version + 1, updated_at: now() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async communitySlug(communityId: string): Promise<string | undefined> {
    return (await this.db.selectFrom('community').select('slug').where('id', '=', communityId).executeTakeFirst())?.slug;
  }

  /** Re-keys (and, for a split, re-parents) occurrence records when a series' timing changes. */
  async rekey(occurrenceId: string, patch: { event_id: string; occurrence_key: string }, tx: Tx): Promise<void> {
    await tx.updateTable('occurrence').set(patch).where('id', '=', occurrenceId).execute();
  }
}

type RowWithMine = EventRow & {
  community_slug: string;
  community_name: string;
  visibility: 'open' | 'private';
  stage: string;
  my_role: 'facilitator' | 'core' | 'member' | null;
  my_status: 'active' | 'requested' | 'invited' | null;
};

function withFacts(row: RowWithMine): EventWithCommunity {
  const { my_role, my_status, ...rest } = row;
  return { ...rest, membership: my_role && my_status ? { role: my_role, status: my_status } : null };
}

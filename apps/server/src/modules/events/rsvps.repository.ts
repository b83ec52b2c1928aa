import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';

export type RsvpRow = Tables['rsvp'];
export type Counts = { going: number; maybe: number; notGoing: number; waitlisted: number; attended: number };

const ZERO: Counts = { going: 0, maybe: 0, notGoing: 0, waitlisted: 0, attended: 0 };

/** RSVPs, the waitlist and attendance of occurrences. */
export class RsvpsRepository {
  constructor(private readonly db: DB) {}

  async counts(occurrenceIds: string[], db: DB | Tx = this.db): Promise<Map<string, Counts>> {
    const result = new Map<string, Counts>();
    if (occurrenceIds.length === 0) return result;
    const rows = await db
      .selectFrom('rsvp')
      .select(['occurrence_id', 'status'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('attended').as('attended')])
      .where('occurrence_id', 'in', occurrenceIds)
      .groupBy(['occurrence_id', 'status'])
      .execute();
    for (const r of rows) {
      const c = result.get(r.occurrence_id) ?? { ...ZERO };
      const key = r.status === 'not_going' ? 'notGoing' : r.status;
      c[key] += Number(r.n);
      c.attended += Number(r.attended ?? 0);
      result.set(r.occurrence_id, c);
    }
    return result;
  }

  async mine(occurrenceIds: string[], personId: string): Promise<Map<string, RsvpRow & { waitlist_position: number | null }>> {
    if (occurrenceIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('rsvp')
      .selectAll('rsvp')
      .select((eb) =>
        eb
          .selectFrom('rsvp as ahead')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('ahead.occurrence_id', '=', 'rsvp.occurrence_id')
          .where('ahead.status', '=', 'waitlisted')
          .whereRef('ahead.queued_at', '<=', 'rsvp.queued_at')
          .as('waitlist_position'),
      )
      .where('occurrence_id', 'in', occurrenceIds)
      .where('person_id', '=', personId)
      .execute();
    return new Map(
      rows.map((r) => [r.occurrence_id, { ...r, waitlist_position: r.status === 'waitlisted' ? Number(r.waitlist_position) : null }]),
    );
  }

  async find(occurrenceId: string, personId: string, db: DB | Tx = this.db): Promise<RsvpRow | undefined> {
    return db.selectFrom('rsvp').selectAll().where('occurrence_id', '=', occurrenceId).where('person_id', '=', personId).executeTakeFirst();
  }

  async countGoing(occurrenceId: string, tx: Tx): Promise<number> {
    const row = await tx
      .selectFrom('rsvp')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('occurrence_id', '=', occurrenceId)
      .where('status', '=', 'going')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async upsert(row: RsvpRow, tx: Tx): Promise<void> {
    await tx
      .insertInto('rsvp')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['occurrence_id', 'person_id'])
          .doUpdateSet({ status: row.status, queued_at: row.queued_at, updated_at: row.updated_at }),
      )
      .execute();
  }

  /** The first `n` on the waitlist, in the order they asked. */
  async nextWaitlisted(occurrenceId: string, n: number, tx: Tx): Promise<string[]> {
    if (n <= 0) return [];
    const rows = await tx
      .selectFrom('rsvp')
      .select('person_id')
      .where('occurrence_id', '=', occurrenceId)
      .where('status', '=', 'waitlisted')
      .orderBy('queued_at')
      .orderBy('person_id')
      .limit(n)
      .execute();
    return rows.map((r) => r.person_id);
  }

  async setStatus(occurrenceId: string, personIds: string[], status: RsvpRow['status'], at: string, tx: Tx): Promise<void> {
    if (personIds.length === 0) return;
    await tx
      .updateTable('rsvp')
      .set({ status, updated_at: at })
      .where('occurrence_id', '=', occurrenceId)
      .where('person_id', 'in', personIds)
      .execute();
  }

  /** Marks attendance; someone marked present without an RSVP gets one ("going"), so they count. */
  async setAttended(occurrenceId: string, personId: string, attended: boolean, at: string, checkedIn: boolean, tx: Tx): Promise<void> {
    await tx
      .insertInto('rsvp')
      .values({
        occurrence_id: occurrenceId,
        person_id: personId,
        status: 'going',
        queued_at: at,
        attended: attended ? 1 : 0,
        checked_in_at: checkedIn ? at : null,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['occurrence_id', 'person_id']).doUpdateSet({
          attended: attended ? 1 : 0,
          ...(checkedIn && { checked_in_at: at }),
          updated_at: at,
        }),
      )
      .execute();
  }

  async attendees(occurrenceId: string) {
    return this.db
      .selectFrom('rsvp')
      .selectAll()
      .where('occurrence_id', '=', occurrenceId)
      .orderBy('status')
      .orderBy('queued_at')
      .orderBy('person_id')
      .limit(1000)
      .execute();
  }

  /** Whether the person was at (or said they would be at) the session: who may reflect on it. */
  async tookPart(occurrenceId: string, personId: string): Promise<boolean> {
    const row = await this.find(occurrenceId, personId);
    return !!row && (row.attended === 1 || row.status === 'going');
  }
}

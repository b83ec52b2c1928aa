import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';

export type ReflectionRow = Tables['reflection'];

export class ReflectionsRepository {
  constructor(private readonly db: DB) {}

  async upsert(row: ReflectionRow, tx: Tx): Promise<void> {
    await tx
      .insertInto('reflection')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['occurrence_id', 'person_id']).doUpdateSet({
          learned: row.learned,
          will_try: row.will_try,
          unclear: row.unclear,
          rating: row.rating,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async mine(occurrenceId: string, personId: string) {
    return this.db
      .selectFrom('reflection')
      .selectAll()
      .where('occurrence_id', '=', occurrenceId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
  }

  async ofOccurrence(occurrenceId: string) {
    return this.db
      .selectFrom('reflection')
      .selectAll()
      .where('occurrence_id', '=', occurrenceId)
      .orderBy('updated_at')
      .limit(1000)
      .execute();
  }

  /** Ratings per format across a community's sessions: counts per rating value, and sessions reflected on. */
  async ratingsByFormat(communityId: string) {
    return this.db
      .selectFrom('reflection')
      .innerJoin('occurrence', 'occurrence.id', 'reflection.occurrence_id')
      .innerJoin('event', 'event.id', 'occurrence.event_id')
      .select(['event.format', 'reflection.rating'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('reflection.occurrence_id').distinct().as('sessions')])
      .where('event.community_id', '=', communityId)
      .groupBy(['event.format', 'reflection.rating'])
      .execute();
  }

  async sessionsByFormat(communityId: string) {
    return this.db
      .selectFrom('reflection')
      .innerJoin('occurrence', 'occurrence.id', 'reflection.occurrence_id')
      .innerJoin('event', 'event.id', 'occurrence.event_id')
      .select('event.format')
      .select((eb) => eb.fn.count<number>('reflection.occurrence_id').distinct().as('sessions'))
      .where('event.community_id', '=', communityId)
      .groupBy('event.format')
      .execute();
  }
}

import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';

export type TalkIdeaRow = Tables['talk_idea'];
export type ReadingRow = Tables['reading'];

/** Keyset condition for "most votes first": rows after the cursor (vote_count desc, id asc). */
const afterVotes = (table: 'talk_idea' | 'reading', [votes, id]: [number, string]) =>
  sql<boolean>`(${sql.ref(`${table}.vote_count`)} < ${votes} or (${sql.ref(`${table}.vote_count`)} = ${votes} and ${sql.ref(`${table}.id`)} > ${id}))`;

/** The talk backlog and the journal-club reading list: member suggestions ranked by votes. */
export class BacklogRepository {
  constructor(private readonly db: DB) {}

  /** A talk idea with where it was scheduled (if it was) and whether the viewer voted for it. */
  private ideaQuery(viewerId: string, db: DB | Tx = this.db) {
    return db
      .selectFrom('talk_idea')
      .leftJoin('agenda_slot', 'agenda_slot.id', 'talk_idea.scheduled_slot_id')
      .leftJoin('occurrence', 'occurrence.id', 'agenda_slot.occurrence_id')
      .selectAll('talk_idea')
      .select(['occurrence.event_id as scheduled_event_id', 'occurrence.occurrence_key as scheduled_key'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('talk_vote')
              .select('talk_vote.person_id')
              .whereRef('talk_vote.talk_idea_id', '=', 'talk_idea.id')
              .where('talk_vote.person_id', '=', viewerId),
          )
          .as('my_vote'),
      );
  }

  async ideas(communityId: string, viewerId: string, after: [number, string] | undefined, limit: number) {
    let query = this.ideaQuery(viewerId).where('talk_idea.community_id', '=', communityId);
    if (after) query = query.where(afterVotes('talk_idea', after));
    return query
      .orderBy('talk_idea.vote_count', 'desc')
      .orderBy('talk_idea.id')
      .limit(limit + 1)
      .execute();
  }

  async idea(id: string, viewerId: string, db: DB | Tx = this.db) {
    return this.ideaQuery(viewerId, db).where('talk_idea.id', '=', id).executeTakeFirst();
  }

  async insertIdea(row: TalkIdeaRow, tx: Tx) {
    await tx.insertInto('talk_idea').values(row).execute();
  }

  async scheduleIdea(id: string, slotId: string, tx: Tx) {
    await tx.updateTable('talk_idea').set({ scheduled_slot_id: slotId }).where('id', '=', id).execute();
  }

  /** Adds or removes a vote and keeps the denormalised count in the same statement order. */
  async voteIdea(id: string, personId: string, on: boolean, at: string, tx: Tx) {
    const changed = on
      ? await tx
          .insertInto('talk_vote')
          .values({ talk_idea_id: id, person_id: personId, created_at: at })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
      : await tx.deleteFrom('talk_vote').where('talk_idea_id', '=', id).where('person_id', '=', personId).executeTakeFirst();
    const n = Number('numInsertedOrUpdatedRows' in changed ? changed.numInsertedOrUpdatedRows : changed.numDeletedRows);
    if (n > 0) {
      await tx
        .updateTable('talk_idea')
        .set({ vote_count: sql`vote_count + ${on ? 1 : -1}` })
        .where('id', '=', id)
        .execute();
    }
  }

  async readings(communityId: string, viewerId: string, after: [number, string] | undefined, limit: number) {
    let query = this.readingQuery(viewerId, this.db).where('reading.community_id', '=', communityId);
    if (after) query = query.where(afterVotes('reading', after));
    return query
      .orderBy('reading.vote_count', 'desc')
      .orderBy('reading.id')
      .limit(limit + 1)
      .execute();
  }

  async reading(id: string, viewerId: string, db: DB | Tx = this.db) {
    return this.readingQuery(viewerId, db).where('reading.id', '=', id).executeTakeFirst();
  }

  private readingQuery(viewerId: string, db: DB | Tx) {
    return db
      .selectFrom('reading')
      .selectAll('reading')
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('reading_vote')
              .select('reading_vote.person_id')
              .whereRef('reading_vote.reading_id', '=', 'reading.id')
              .where('reading_vote.person_id', '=', viewerId),
          )
          .as('my_vote'),
      );
  }

  async insertReading(row: ReadingRow, tx: Tx) {
    await tx.insertInto('reading').values(row).execute();
  }

  async voteReading(id: string, personId: string, on: boolean, at: string, tx: Tx) {
    const changed = on
      ? await tx
          .insertInto('reading_vote')
          .values({ reading_id: id, person_id: personId, created_at: at })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
      : await tx.deleteFrom('reading_vote').where('reading_id', '=', id).where('person_id', '=', personId).executeTakeFirst();
    const n = Number('numInsertedOrUpdatedRows' in changed ? changed.numInsertedOrUpdatedRows : changed.numDeletedRows);
    if (n > 0) {
      await tx
        .updateTable('reading')
        .set({ vote_count: sql`vote_count + ${on ? 1 : -1}` })
        .where('id', '=', id)
        .execute();
    }
  }

  async communitySlug(communityId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('community').select('slug').where('id', '=', communityId).executeTakeFirst();
    return row?.slug;
  }
}

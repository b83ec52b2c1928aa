import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';

/**
 * Live session questions. As with anonymous posts, an anonymous asker's id is stored (they keep
 * their rights) but never selected: queries select `public_author_id` (null when anonymous)
 * and compare the author to the viewer in SQL as `is_mine`.
 */
const publicAuthorId = (eb: ExpressionBuilder<Tables, 'session_question'>) =>
  eb.case().when('session_question.anonymous', '=', 0).then(eb.ref('session_question.author_id')).end().as('public_author_id');

export class QuestionsRepository {
  constructor(private readonly db: DB) {}

  private select(viewerId: string, db: DB | Tx) {
    return db
      .selectFrom('session_question')
      .select([
        'session_question.id',
        'session_question.occurrence_id',
        'session_question.anonymous',
        'session_question.body',
        'session_question.vote_count',
        'session_question.answered_at',
        'session_question.thread_id',
        'session_question.created_at',
      ])
      .select((eb) => [
        publicAuthorId(eb),
        eb('session_question.author_id', '=', viewerId).as('is_mine'),
        eb
          .exists(
            eb
              .selectFrom('session_question_vote as v')
              .select('v.person_id')
              .whereRef('v.question_id', '=', 'session_question.id')
              .where('v.person_id', '=', viewerId),
          )
          .as('my_vote'),
      ]);
  }

  /** Ranked as the presenter sees them: unanswered first, then most votes, then oldest. */
  async list(occurrenceId: string, viewerId: string) {
    return this.select(viewerId, this.db)
      .where('session_question.occurrence_id', '=', occurrenceId)
      .orderBy(sql`case when session_question.answered_at is null then 0 else 1 end`)
      .orderBy('session_question.vote_count', 'desc')
      .orderBy('session_question.created_at')
      .orderBy('session_question.id')
      .limit(500)
      .execute();
  }

  async find(id: string, viewerId: string, db: DB | Tx = this.db) {
    return this.select(viewerId, db).where('session_question.id', '=', id).executeTakeFirst();
  }

  async occurrenceOf(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('session_question').select('occurrence_id').where('id', '=', id).executeTakeFirst())?.occurrence_id;
  }

  async insert(row: Tables['session_question'], tx: Tx): Promise<void> {
    await tx.insertInto('session_question').values(row).execute();
  }

  async vote(id: string, personId: string, on: boolean, at: string, tx: Tx): Promise<void> {
    const changed = on
      ? Number(
          (
            await tx
              .insertInto('session_question_vote')
              .values({ question_id: id, person_id: personId, created_at: at })
              .onConflict((oc) => oc.doNothing())
              .executeTakeFirst()
          ).numInsertedOrUpdatedRows,
        )
      : Number(
          (await tx.deleteFrom('session_question_vote').where('question_id', '=', id).where('person_id', '=', personId).executeTakeFirst())
            .numDeletedRows,
        );
    if (changed > 0) {
      await tx
        .updateTable('session_question')
        .set({ vote_count: sql`vote_count + ${on ? 1 : -1}` })
        .where('id', '=', id)
        .execute();
    }
  }

  /**
   * Unanswered questions without a thread yet, most wanted first. The asker's id is read here
   * (and only here) so that the thread can be started in their name; it never reaches a payload.
   */
  async unansweredWithoutThread(occurrenceId: string) {
    return this.db
      .selectFrom('session_question')
      .select(['id', 'author_id', 'anonymous', 'body'])
      .where('occurrence_id', '=', occurrenceId)
      .where('answered_at', 'is', null)
      .where('thread_id', 'is', null)
      .orderBy('vote_count', 'desc')
      .orderBy('created_at')
      .orderBy('id')
      .limit(500)
      .execute();
  }

  /** Links a question to the thread it became; answers false when another request got there first. */
  async setThread(id: string, threadId: string, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('session_question')
      .set({ thread_id: threadId })
      .where('id', '=', id)
      .where('thread_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setAnswered(id: string, at: string | null, tx: Tx): Promise<void> {
    await tx.updateTable('session_question').set({ answered_at: at }).where('id', '=', id).execute();
  }
}

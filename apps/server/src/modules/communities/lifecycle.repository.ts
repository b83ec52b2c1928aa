import type { DB, Tx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';

type StageChange = {
  communityId: string;
  from: string;
  to: string;
  note: string | null;
  successorId: string | null;
  by: string;
  at: string;
};

/** A community's stage, and the history of how it got there. */
export class LifecycleRepository {
  constructor(private readonly db: DB) {}

  /**
   * Moves the stage only if it is still the one the facilitator saw (two facilitators moving
   * it at once cannot both win); answers whether it did.
   */
  async move(change: StageChange, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('community')
      .set((eb) => ({
        stage: change.to,
        successor_id: change.successorId,
        updated_at: change.at,
        version: eb(eb.ref('version'), '+', 1),
      }))
      .where('id', '=', change.communityId)
      .where('stage', '=', change.from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await this.record(change, tx);
    return true;
  }

  async record(change: StageChange, tx: Tx): Promise<void> {
    await tx
      .insertInto('community_stage_change')
      .values({
        id: newId(),
        community_id: change.communityId,
        from_stage: change.from,
        to_stage: change.to,
        note: change.note,
        successor_id: change.successorId,
        changed_by: change.by,
        created_at: change.at,
      })
      .execute();
  }

  async history(communityId: string) {
    return this.db
      .selectFrom('community_stage_change')
      .select(['from_stage', 'to_stage', 'note', 'changed_by', 'created_at'])
      .where('community_id', '=', communityId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async successorOf(communityId: string) {
    return this.db
      .selectFrom('community as c')
      .innerJoin('community as s', 's.id', 'c.successor_id')
      .select(['s.slug', 's.name'])
      .where('c.id', '=', communityId)
      .executeTakeFirst();
  }
}

import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';

export type AgendaSlotRow = Tables['agenda_slot'];

export class AgendaRepository {
  constructor(private readonly db: DB) {}

  async list(occurrenceId: string) {
    return this.db
      .selectFrom('agenda_slot')
      .leftJoin('thread', 'thread.id', 'agenda_slot.thread_id')
      .selectAll('agenda_slot')
      .select('thread.title as thread_title')
      .where('agenda_slot.occurrence_id', '=', occurrenceId)
      .orderBy('agenda_slot.position')
      .orderBy('agenda_slot.id')
      .execute();
  }

  async find(id: string, db: DB | Tx = this.db) {
    return db.selectFrom('agenda_slot').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Whether the person presents in one of the session's slots. */
  async presents(occurrenceId: string, personId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('agenda_slot')
      .select('id')
      .where('occurrence_id', '=', occurrenceId)
      .where('presenter_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async nextPosition(occurrenceId: string, tx: Tx): Promise<number> {
    const row = await tx
      .selectFrom('agenda_slot')
      .select(sql<number>`coalesce(max(position), 0)`.as('max'))
      .where('occurrence_id', '=', occurrenceId)
      .executeTakeFirstOrThrow();
    return Number(row.max) + 1;
  }

  async insert(row: AgendaSlotRow, tx: Tx): Promise<void> {
    await tx.insertInto('agenda_slot').values(row).execute();
  }

  async update(id: string, patch: Partial<Omit<AgendaSlotRow, 'id' | 'occurrence_id'>>, tx: Tx): Promise<void> {
    await tx.updateTable('agenda_slot').set(patch).where('id', '=', id).execute();
  }

  async remove(id: string, tx: Tx): Promise<void> {
    await tx.deleteFrom('agenda_slot').where('id', '=', id).execute();
  }
}

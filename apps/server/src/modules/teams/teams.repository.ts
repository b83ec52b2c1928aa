import type { Team } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';

export class TeamsRepository {
  constructor(private readonly db: DB) {}

  async list(): Promise<Team[]> {
    const rows = await this.db
      .selectFrom('team')
      .leftJoin('person', 'person.team_id', 'team.id')
      .select(['team.id', 'team.name', (eb) => eb.fn.count<number>('person.id').as('member_count')])
      .groupBy(['team.id', 'team.name'])
      .orderBy('team.name')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, memberCount: Number(r.member_count) }));
  }

  async exists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom('team').select('id').where('id', '=', id).executeTakeFirst());
  }

  async nameTaken(name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('team')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst();
    return !!row;
  }

  async insert(team: { id: string; name: string; createdAt: string }): Promise<void> {
    await this.db.insertInto('team').values({ id: team.id, name: team.name, created_at: team.createdAt }).execute();
  }
}

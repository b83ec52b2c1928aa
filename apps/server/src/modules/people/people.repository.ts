import type { Me, PersonSummary, Profile, Seniority } from '@guildhall/shared';
import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import { afterNameKey } from '../../db/keyset.ts';
import { containsPattern } from '../../db/like.ts';

type NewPerson = { id: string; email: string; passwordHash: string; name: string; orgRole: 'admin' | 'member'; createdAt: string };
export type ProfilePatch = {
  name?: string;
  teamId?: string | null;
  title?: string | null;
  seniority?: Seniority | null;
  bio?: string | null;
};

export class PeopleRepository {
  constructor(private readonly db: DB) {}

  /** The summary columns, joined with the team, as every person list needs them. */
  private summaryQuery(db: DB | Tx = this.db) {
    return db
      .selectFrom('person')
      .leftJoin('team', 'team.id', 'person.team_id')
      .select(['person.id', 'person.name', 'person.title', 'person.seniority', 'person.team_id', 'team.name as team_name']);
  }

  /** The people directory: name search (case-insensitive), optionally within a team. */
  async search(filter: { q?: string; teamId?: string; after?: [string, string]; limit: number }) {
    let query = this.summaryQuery();
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      query = query.where((eb) => eb(eb.fn('lower', ['person.name']), 'like', pattern));
    }
    if (filter.teamId) query = query.where('person.team_id', '=', filter.teamId);
    if (filter.after) {
      query = query.where(afterNameKey('person.name', 'person.id', filter.after));
    }
    return query
      .orderBy(sql`lower(person.name)`)
      .orderBy('person.id')
      .limit(filter.limit + 1)
      .execute();
  }

  async findCredentials(email: string) {
    return this.db.selectFrom('person').select(['id', 'password_hash', 'org_role']).where('email', '=', email).executeTakeFirst();
  }

  async emailTaken(email: string, db: DB | Tx = this.db): Promise<boolean> {
    return !!(await db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirst());
  }

  async count(db: DB | Tx = this.db): Promise<number> {
    const row = await db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(p: NewPerson, db: DB | Tx = this.db): Promise<void> {
    await db
      .insertInto('person')
      .values({ id: p.id, email: p.email, password_hash: p.passwordHash, name: p.name, org_role: p.orgRole, created_at: p.createdAt })
      .execute();
  }

  async exists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom('person').select('id').where('id', '=', id).executeTakeFirst());
  }

  async findMe(id: string): Promise<Me | null> {
    const row = await this.summaryQuery()
      .select(['person.email', 'person.bio', 'person.org_role', 'person.created_at'])
      .where('person.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const skills = await this.skillsOf(id);
    return {
      ...toSummary(row),
      email: row.email,
      bio: row.bio,
      orgRole: row.org_role,
      createdAt: row.created_at,
      skills,
    };
  }

  async findProfile(id: string): Promise<Profile | null> {
    const me = await this.findMe(id);
    if (!me) return null;
    const { email: _private, ...profile } = me;
    return profile;
  }

  async summaries(ids: string[]): Promise<Map<string, PersonSummary>> {
    if (ids.length === 0) return new Map();
    const rows = await this.summaryQuery().where('person.id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, toSummary(r)]));
  }

  async skillsOf(id: string): Promise<string[]> {
    const rows = await this.db.selectFrom('person_skill').select('skill').where('person_id', '=', id).orderBy('skill').execute();
    return rows.map((r) => r.skill);
  }

  async update(id: string, patch: ProfilePatch, skills: string[] | undefined, tx: Tx): Promise<void> {
    const set = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.teamId !== undefined && { team_id: patch.teamId }),
      ...(patch.title !== undefined && { title: patch.title || null }),
      ...(patch.seniority !== undefined && { seniority: patch.seniority }),
      ...(patch.bio !== undefined && { bio: patch.bio || null }),
    };
    if (Object.keys(set).length > 0) await tx.updateTable('person').set(set).where('id', '=', id).execute();
    if (skills !== undefined) {
      // Skills kept from before keep their level ("ask me about", set with PUT /me/skills).
      let removed = tx.deleteFrom('person_skill').where('person_id', '=', id);
      if (skills.length > 0) removed = removed.where('skill', 'not in', skills);
      await removed.execute();
      if (skills.length > 0) {
        await tx
          .insertInto('person_skill')
          .values(skills.map((skill) => ({ person_id: id, skill })))
          .onConflict((oc) => oc.columns(['person_id', 'skill']).doNothing())
          .execute();
      }
    }
  }
}

type SummaryRow = {
  id: string;
  name: string;
  title: string | null;
  seniority: string | null;
  team_id: string | null;
  team_name: string | null;
};

export function toSummary(r: SummaryRow): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    seniority: r.seniority as Seniority | null,
    team: r.team_id && r.team_name ? { id: r.team_id, name: r.team_name } : null,
  };
}

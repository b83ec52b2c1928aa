import type { Me, Page, PeopleQuery, PersonSummary, Profile, UpdateProfileInput } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import type { TeamsRepository } from '../teams/index.ts';
import { type PeopleRepository, toSummary } from './people.repository.ts';

export class PeopleService {
  constructor(
    private readonly db: DB,
    private readonly people: PeopleRepository,
    private readonly teams: TeamsRepository,
  ) {}

  async me(actor: Actor): Promise<Me> {
    const person = requirePerson(actor);
    const me = await this.people.findMe(person.personId);
    if (!me) throw notFound('person.not_found', 'Your account no longer exists.');
    return me;
  }

  async directory(actor: Actor, query: PeopleQuery): Promise<Page<PersonSummary>> {
    authorize(actor, 'org.read', { type: 'org' });
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const rows = await this.people.search({ q: query.q || undefined, teamId: query.teamId, after, limit: query.limit });
    return pageFrom(rows, query.limit, toSummary, (r) => [r.name.toLowerCase(), r.id]);
  }

  async profile(actor: Actor, personId: string): Promise<Profile> {
    requirePerson(actor);
    const profile = await this.people.findProfile(personId);
    if (!profile) throw notFound('person.not_found', 'No such person.');
    return profile;
  }

  async updateMe(actor: Actor, input: UpdateProfileInput): Promise<Me> {
    authorize(actor, 'profile.update', { type: 'self' });
    if (input.teamId && !(await this.teams.exists(input.teamId))) {
      throw badRequest('profile.unknown_team', 'That team does not exist.', [{ field: 'teamId', message: 'Unknown team' }]);
    }
    const skills = input.skills && dedupeCaseInsensitive(input.skills);
    await this.db.transaction().execute((tx) => this.people.update(actor.personId, input, skills, tx));
    return this.me(actor);
  }
}

function dedupeCaseInsensitive(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  return [...seen.values()];
}

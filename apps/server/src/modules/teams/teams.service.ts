import type { CreateTeamInput, Team } from '@guildhall/shared';
import { conflict } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { newId, now } from '../../platform/ids.ts';
import type { TeamsRepository } from './teams.repository.ts';

export class TeamsService {
  constructor(private readonly teams: TeamsRepository) {}

  async list(actor: Actor): Promise<Team[]> {
    requirePerson(actor);
    return this.teams.list();
  }

  async create(actor: Actor, input: CreateTeamInput): Promise<Team> {
    authorize(actor, 'team.create', { type: 'org' });
    if (await this.teams.nameTaken(input.name)) {
      throw conflict('team.name_taken', `There is already a team called "${input.name}".`);
    }
    const team = { id: newId(), name: input.name, createdAt: now() };
    await this.teams.insert(team);
    return { id: team.id, name: team.name, memberCount: 0 };
  }
}

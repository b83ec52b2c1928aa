import { CreateTeamInput, Team, TeamList } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TeamsService } from './teams.service.ts';

export const teamsRoutes: FastifyPluginAsyncZod<{ teams: TeamsService }> = async (app, { teams }) => {
  app.get('/teams', { schema: { tags: ['teams'], response: { 200: TeamList } } }, async (req) => ({
    items: await teams.list(req.actor),
  }));

  app.post('/teams', { schema: { tags: ['teams'], body: CreateTeamInput, response: { 201: Team } } }, async (req, reply) =>
    reply.status(201).send(await teams.create(req.actor, req.body)),
  );
};

import { Id, Me, PeopleQuery, PersonProfile, PersonSummary, pageOf, UpdateProfileInput } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ExpertiseService } from './expertise.service.ts';
import type { PeopleService } from './people.service.ts';

export const peopleRoutes: FastifyPluginAsyncZod<{ people: PeopleService; expertise: ExpertiseService }> = async (
  app,
  { people, expertise },
) => {
  app.get('/me', { schema: { tags: ['people'], response: { 200: Me } } }, (req) => people.me(req.actor));

  app.patch('/me', { schema: { tags: ['people'], body: UpdateProfileInput, response: { 200: Me } } }, (req) =>
    people.updateMe(req.actor, req.body),
  );

  app.get('/people', { schema: { tags: ['people'], querystring: PeopleQuery, response: { 200: pageOf(PersonSummary) } } }, (req) =>
    people.directory(req.actor, req.query),
  );

  // The profile with communities, roles and counts: only what the viewer may see of them.
  app.get(
    '/people/:personId',
    { schema: { tags: ['people'], params: z.object({ personId: Id }), response: { 200: PersonProfile } } },
    (req) => expertise.profile(req.actor, req.params.personId),
  );
};

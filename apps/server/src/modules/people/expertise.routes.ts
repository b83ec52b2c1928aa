import {
  DeclaredSkill,
  ExpertiseQuery,
  HelperList,
  Id,
  InviteToAnswerInput,
  InviteToAnswerResult,
  PersonExpertise,
  SetSkillsInput,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ExpertiseService } from './expertise.service.ts';

const tags = ['people'];

export const expertiseRoutes: FastifyPluginAsyncZod<{ expertise: ExpertiseService }> = async (app, { expertise }) => {
  app.get(
    '/people/expertise',
    {
      schema: {
        tags,
        description:
          'Who can help with a topic: people ranked by evidence (accepted answers, talks given, pages written, answers, reactions) and declared skill.',
        querystring: ExpertiseQuery,
        response: { 200: HelperList },
      },
    },
    (req) => expertise.helpers(req.actor, req.query.topic, req.query.limit),
  );

  app.get(
    '/people/:personId/expertise',
    { schema: { tags, params: z.object({ personId: Id }), response: { 200: PersonExpertise } } },
    (req) => expertise.of(req.actor, req.params.personId),
  );

  app.put(
    '/me/skills',
    { schema: { tags, body: SetSkillsInput, response: { 200: z.object({ skills: z.array(DeclaredSkill) }) } } },
    async (req) => ({
      skills: await expertise.setSkills(req.actor, req.body),
    }),
  );

  app.get(
    '/threads/:threadId/suggested-helpers',
    { schema: { tags: ['conversations'], params: z.object({ threadId: Id }), response: { 200: HelperList } } },
    (req) => expertise.suggestedHelpers(req.actor, req.params.threadId),
  );

  app.post(
    '/threads/:threadId/invitations',
    {
      schema: {
        tags: ['conversations'],
        description: 'Invite people to answer a question; each is notified by an event addressed to them alone.',
        params: z.object({ threadId: Id }),
        body: InviteToAnswerInput,
        response: { 200: InviteToAnswerResult },
      },
    },
    (req) => expertise.inviteToAnswer(req.actor, req.params.threadId, req.body.personIds),
  );
};

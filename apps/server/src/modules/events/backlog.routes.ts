import {
  BacklogListQuery,
  CreateReadingInput,
  CreateTalkIdeaInput,
  Id,
  pageOf,
  Reading,
  ScheduleTalkIdeaInput,
  TalkIdea,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AgendaService } from './agenda.service.ts';
import type { ReadingsService } from './readings.service.ts';

const tags = ['sessions'];
const SlugParams = z.object({ slug: z.string().max(100) });
const IdeaParams = z.object({ ideaId: Id });
const ReadingParams = z.object({ readingId: Id });

/** The talk backlog and the journal club's reading list: suggested by members, ranked by votes. */
export const backlogRoutes: FastifyPluginAsyncZod<{ agenda: AgendaService; readings: ReadingsService }> = async (
  app,
  { agenda, readings },
) => {
  app.get(
    '/communities/:slug/talk-ideas',
    { schema: { tags, params: SlugParams, querystring: BacklogListQuery, response: { 200: pageOf(TalkIdea) } } },
    (req) => agenda.ideas(req.actor, req.params.slug, req.query),
  );

  app.post(
    '/communities/:slug/talk-ideas',
    { schema: { tags, params: SlugParams, body: CreateTalkIdeaInput, response: { 201: TalkIdea } } },
    async (req, reply) => reply.status(201).send(await agenda.propose(req.actor, req.params.slug, req.body)),
  );

  app.put('/talk-ideas/:ideaId/vote', { schema: { tags, params: IdeaParams, response: { 200: TalkIdea } } }, (req) =>
    agenda.vote(req.actor, req.params.ideaId, true),
  );
  app.delete('/talk-ideas/:ideaId/vote', { schema: { tags, params: IdeaParams, response: { 200: TalkIdea } } }, (req) =>
    agenda.vote(req.actor, req.params.ideaId, false),
  );

  app.post(
    '/talk-ideas/:ideaId/schedule',
    {
      schema: {
        tags,
        description: 'Facilitators: put the idea into a session’s agenda; the presenter is told (talk_idea.scheduled).',
        params: IdeaParams,
        body: ScheduleTalkIdeaInput,
        response: { 200: TalkIdea },
      },
    },
    (req) => agenda.schedule(req.actor, req.params.ideaId, req.body),
  );

  app.get(
    '/communities/:slug/readings',
    { schema: { tags, params: SlugParams, querystring: BacklogListQuery, response: { 200: pageOf(Reading) } } },
    (req) => readings.list(req.actor, req.params.slug, req.query),
  );

  app.post(
    '/communities/:slug/readings',
    { schema: { tags, params: SlugParams, body: CreateReadingInput, response: { 201: Reading } } },
    async (req, reply) => reply.status(201).send(await readings.suggest(req.actor, req.params.slug, req.body)),
  );

  app.put('/readings/:readingId/vote', { schema: { tags, params: ReadingParams, response: { 200: Reading } } }, (req) =>
    readings.vote(req.actor, req.params.readingId, true),
  );
  app.delete('/readings/:readingId/vote', { schema: { tags, params: ReadingParams, response: { 200: Reading } } }, (req) =>
    readings.vote(req.actor, req.params.readingId, false),
  );
};

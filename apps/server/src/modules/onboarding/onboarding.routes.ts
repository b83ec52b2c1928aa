import { BuddyResult, CreateNewcomerItemInput, Home, Id, NewcomerPath, ReorderNewcomerItemsInput } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HomeService } from './home.service.ts';
import type { OnboardingService } from './onboarding.service.ts';

const SlugParams = z.object({ slug: z.string().max(100) });
const ItemParams = SlugParams.extend({ itemId: Id });
const tags = ['onboarding'];

export const onboardingRoutes: FastifyPluginAsyncZod<{ onboarding: OnboardingService; home: HomeService }> = async (
  app,
  { onboarding, home },
) => {
  app.get('/me/home', { schema: { tags, description: 'What to do next, for the signed-in person.', response: { 200: Home } } }, (req) =>
    home.home(req.actor),
  );

  app.get('/communities/:slug/start-here', { schema: { tags, params: SlugParams, response: { 200: NewcomerPath } } }, (req) =>
    onboarding.path(req.actor, req.params.slug),
  );

  app.post(
    '/communities/:slug/start-here',
    {
      schema: {
        tags,
        description: 'Facilitators add a step at the end of the path.',
        params: SlugParams,
        body: CreateNewcomerItemInput,
        response: { 201: NewcomerPath },
      },
    },
    async (req, reply) => reply.status(201).send(await onboarding.addItem(req.actor, req.params.slug, req.body)),
  );

  app.put(
    '/communities/:slug/start-here/order',
    { schema: { tags, params: SlugParams, body: ReorderNewcomerItemsInput, response: { 200: NewcomerPath } } },
    (req) => onboarding.reorder(req.actor, req.params.slug, req.body.itemIds),
  );

  app.delete('/communities/:slug/start-here/:itemId', { schema: { tags, params: ItemParams } }, async (req, reply) => {
    await onboarding.removeItem(req.actor, req.params.slug, req.params.itemId);
    return reply.status(204).send();
  });

  app.put('/communities/:slug/start-here/:itemId/done', { schema: { tags, params: ItemParams, response: { 200: NewcomerPath } } }, (req) =>
    onboarding.markDone(req.actor, req.params.slug, req.params.itemId, true),
  );

  app.delete(
    '/communities/:slug/start-here/:itemId/done',
    { schema: { tags, params: ItemParams, response: { 200: NewcomerPath } } },
    (req) => onboarding.markDone(req.actor, req.params.slug, req.params.itemId, false),
  );

  app.post(
    '/communities/:slug/buddy',
    {
      schema: {
        tags,
        description: 'Ask for a buddy from the core group; asking again answers the same buddy.',
        params: SlugParams,
        response: { 200: BuddyResult, 201: BuddyResult },
      },
    },
    async (req, reply) => {
      const { result, created } = await onboarding.requestBuddy(req.actor, req.params.slug);
      return reply.status(created ? 201 : 200).send(result);
    },
  );
};

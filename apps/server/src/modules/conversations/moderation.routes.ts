import {
  Flag,
  FlaggedPost,
  FlagInput,
  HidePostInput,
  Id,
  ModerateThreadInput,
  MoveThreadInput,
  PageQuery,
  Post,
  pageOf,
  Thread,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModerationService } from './moderation.service.ts';

const PostParams = z.object({ postId: Id });
const ThreadParams = z.object({ threadId: Id });
const SlugParams = z.object({ slug: z.string().max(100) });
const tags = ['moderation'];

export const moderationRoutes: FastifyPluginAsyncZod<{ moderation: ModerationService }> = async (app, { moderation }) => {
  app.post('/posts/:postId/flags', { schema: { tags, params: PostParams, body: FlagInput, response: { 201: Flag } } }, async (req, reply) =>
    reply.status(201).send(await moderation.flag(req.actor, req.params.postId, req.body.reason)),
  );

  app.delete(
    '/posts/:postId/flags',
    { schema: { tags, description: 'Dismiss the open flags on a post (facilitators).', params: PostParams } },
    async (req, reply) => {
      await moderation.dismissFlags(req.actor, req.params.postId);
      return reply.status(204).send();
    },
  );

  app.post('/posts/:postId/hide', { schema: { tags, params: PostParams, body: HidePostInput, response: { 200: Post } } }, (req) =>
    moderation.hide(req.actor, req.params.postId, req.body.reason),
  );

  app.post('/posts/:postId/restore', { schema: { tags, params: PostParams, response: { 200: Post } } }, (req) =>
    moderation.restore(req.actor, req.params.postId),
  );

  app.get(
    '/communities/:slug/flags',
    {
      schema: {
        tags,
        description: 'The moderation queue.',
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: pageOf(FlaggedPost) },
      },
    },
    (req) => moderation.queue(req.actor, req.params.slug, req.query),
  );

  app.patch(
    '/threads/:threadId/moderation',
    { schema: { tags, description: 'Pin or lock a thread.', params: ThreadParams, body: ModerateThreadInput, response: { 200: Thread } } },
    (req) => moderation.moderateThread(req.actor, req.params.threadId, req.body),
  );

  app.post('/threads/:threadId/move', { schema: { tags, params: ThreadParams, body: MoveThreadInput, response: { 200: Thread } } }, (req) =>
    moderation.move(req.actor, req.params.threadId, req.body.community),
  );
};

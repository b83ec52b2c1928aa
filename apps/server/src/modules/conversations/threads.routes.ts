import {
  AcceptAnswerInput,
  ChallengeStateInput,
  CreatePostInput,
  CreateThreadInput,
  Id,
  MarkReadInput,
  Post,
  PostListQuery,
  pageOf,
  ReadPosition,
  Thread,
  ThreadListQuery,
  ThreadSummary,
  UpdateThreadInput,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PostsService } from './posts.service.ts';
import type { ResolutionService } from './resolution.service.ts';
import type { ThreadsService } from './threads.service.ts';

const ThreadParams = z.object({ threadId: Id });
const SlugParams = z.object({ slug: z.string().max(100) });
const tags = ['conversations'];
const JSON_UTF8 = 'application/json; charset=utf-8';

export const threadsRoutes: FastifyPluginAsyncZod<{ threads: ThreadsService; posts: PostsService; resolution: ResolutionService }> = async (
  app,
  { threads, posts, resolution },
) => {
  app.get(
    '/threads',
    {
      schema: {
        tags,
        description: 'Threads by latest activity, in one community (pinned first) or across every community the person can read.',
        querystring: ThreadListQuery,
        response: { 200: pageOf(ThreadSummary) },
      },
    },
    (req) => threads.list(req.actor, req.query),
  );

  app.post(
    '/communities/:slug/threads',
    { schema: { tags, params: SlugParams, body: CreateThreadInput, response: { 201: Thread } } },
    async (req, reply) => reply.status(201).send(await threads.create(req.actor, req.params.slug, req.body)),
  );

  app.get('/threads/:threadId', { schema: { tags, params: ThreadParams, response: { 200: Thread } } }, (req) =>
    threads.get(req.actor, req.params.threadId),
  );

  app.patch('/threads/:threadId', { schema: { tags, params: ThreadParams, body: UpdateThreadInput, response: { 200: Thread } } }, (req) =>
    threads.edit(req.actor, req.params.threadId, req.body),
  );

  app.get(
    '/threads/:threadId/posts',
    {
      schema: {
        tags,
        description: 'Replies, oldest first.',
        params: ThreadParams,
        querystring: PostListQuery,
        response: { 200: pageOf(Post) },
      },
    },
    // Already JSON (the thread page cache keeps it rendered): sent as it is, not serialised again.
    async (req, reply) => reply.type(JSON_UTF8).send((await posts.list(req.actor, req.params.threadId, req.query)) as never),
  );

  app.post(
    '/threads/:threadId/posts',
    { schema: { tags, params: ThreadParams, body: CreatePostInput, response: { 201: Post } } },
    async (req, reply) => reply.status(201).send(await posts.reply(req.actor, req.params.threadId, req.body)),
  );

  app.post(
    '/threads/:threadId/read',
    { schema: { tags, params: ThreadParams, body: MarkReadInput, response: { 200: ReadPosition } } },
    (req) => threads.markRead(req.actor, req.params.threadId, req.body.postId),
  );

  app.post(
    '/threads/:threadId/accept',
    { schema: { tags, params: ThreadParams, body: AcceptAnswerInput, response: { 200: Thread } } },
    (req) => resolution.accept(req.actor, req.params.threadId, req.body.postId),
  );

  app.delete('/threads/:threadId/accept', { schema: { tags, params: ThreadParams, response: { 200: Thread } } }, (req) =>
    resolution.unaccept(req.actor, req.params.threadId),
  );

  app.post(
    '/threads/:threadId/state',
    { schema: { tags, params: ThreadParams, body: ChallengeStateInput, response: { 200: Thread } } },
    (req) => resolution.setChallengeState(req.actor, req.params.threadId, req.body),
  );
};

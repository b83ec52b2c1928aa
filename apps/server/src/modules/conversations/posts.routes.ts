import { Id, Mention, PageQuery, Post, PostReactions, PostRevision, pageOf, UpdatePostInput } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MentionsService } from './mentions.service.ts';
import type { PostsService } from './posts.service.ts';
import type { ReactionsService } from './reactions.service.ts';

const PostParams = z.object({ postId: Id });
// Any string reaches the service, which answers `reaction.unknown` for one outside the set.
const ReactionParams = PostParams.extend({ reaction: z.string().max(32) });
const tags = ['conversations'];

export const postsRoutes: FastifyPluginAsyncZod<{ posts: PostsService; reactions: ReactionsService; mentions: MentionsService }> = async (
  app,
  { posts, reactions, mentions },
) => {
  app.get('/posts/:postId', { schema: { tags, params: PostParams, response: { 200: Post } } }, (req) =>
    posts.get(req.actor, req.params.postId),
  );

  app.patch('/posts/:postId', { schema: { tags, params: PostParams, body: UpdatePostInput, response: { 200: Post } } }, (req) =>
    posts.edit(req.actor, req.params.postId, req.body),
  );

  app.delete('/posts/:postId', { schema: { tags, params: PostParams } }, async (req, reply) => {
    await posts.remove(req.actor, req.params.postId);
    return reply.status(204).send();
  });

  app.get(
    '/posts/:postId/revisions',
    {
      schema: {
        tags,
        description: 'Earlier versions, newest first.',
        params: PostParams,
        querystring: PageQuery,
        response: { 200: pageOf(PostRevision) },
      },
    },
    (req) => posts.revisions(req.actor, req.params.postId, req.query),
  );

  app.put('/posts/:postId/reactions/:reaction', { schema: { tags, params: ReactionParams, response: { 200: PostReactions } } }, (req) =>
    reactions.set(req.actor, req.params.postId, req.params.reaction, true),
  );

  app.delete('/posts/:postId/reactions/:reaction', { schema: { tags, params: ReactionParams, response: { 200: PostReactions } } }, (req) =>
    reactions.set(req.actor, req.params.postId, req.params.reaction, false),
  );

  app.get('/me/mentions', { schema: { tags, querystring: PageQuery, response: { 200: pageOf(Mention) } } }, (req) =>
    mentions.mine(req.actor, req.query),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MentionsService } from './mentions.service.ts';
import { moderationRoutes } from './moderation.routes.ts';
import type { ModerationService } from './moderation.service.ts';
import { postsRoutes } from './posts.routes.ts';
import type { PostsService } from './posts.service.ts';
import type { ReactionsService } from './reactions.service.ts';
import type { ResolutionService } from './resolution.service.ts';
import { threadsRoutes } from './threads.routes.ts';
import type { ThreadsService } from './threads.service.ts';

export type ConversationServices = {
  threads: ThreadsService;
  posts: PostsService;
  resolution: ResolutionService;
  reactions: ReactionsService;
  mentions: MentionsService;
  moderation: ModerationService;
};

/** Threads, posts and moderation, registered together under the API prefix. */
export const conversationsRoutes: FastifyPluginAsyncZod<ConversationServices> = async (app, services) => {
  await app.register(threadsRoutes, services);
  await app.register(postsRoutes, services);
  await app.register(moderationRoutes, services);
};

import { ApiToken, CreatedToken, CreateTokenInput, Id } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TokensService } from './tokens.service.ts';

export const tokensRoutes: FastifyPluginAsyncZod<{ tokens: TokensService }> = async (app, { tokens }) => {
  app.get('/me/tokens', { schema: { tags: ['tokens'], response: { 200: z.object({ items: z.array(ApiToken) }) } } }, async (req) => ({
    items: await tokens.list(req.actor),
  }));

  app.post('/me/tokens', { schema: { tags: ['tokens'], body: CreateTokenInput, response: { 201: CreatedToken } } }, async (req, reply) =>
    reply.status(201).send(await tokens.create(req.actor, req.body)),
  );

  app.delete('/me/tokens/:tokenId', { schema: { tags: ['tokens'], params: z.object({ tokenId: Id }) } }, async (req, reply) => {
    await tokens.revoke(req.actor, req.params.tokenId);
    return reply.status(204).send();
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors.ts';
import { type Actor, ANONYMOUS } from './actor.ts';
import type { CredentialsRepository } from './credentials.repository.ts';

export const SESSION_COOKIE = 'gh_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the actor for every request (bearer token first, then the session cookie) and
 * defends cookie-authenticated writes against cross-site requests. Browsers always send
 * Sec-Fetch-Site or Origin on unsafe requests; a request carrying neither is not from a
 * browser page, so it cannot be a forgery riding on someone's cookie.
 */
export const authenticate = fp(
  async (app: FastifyInstance, opts: { credentials: CredentialsRepository; publicOrigin?: string }) => {
    app.decorateRequest('actor', null as never);

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      request.actor = ANONYMOUS;
      const bearer = bearerToken(request);
      if (bearer !== undefined) {
        const actor = await opts.credentials.actorForApiToken(bearer);
        if (!actor) throw new AppError(401, 'auth.invalid_token', 'That API token is unknown or revoked.');
        request.actor = actor;
        return;
      }

      if (UNSAFE.has(request.method) && isCrossSite(request, opts.publicOrigin)) {
        throw new AppError(403, 'csrf.cross_origin', 'Cross-site requests may not change anything here.');
      }

      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const actor = await opts.credentials.actorForSession(token);
      if (actor) request.actor = actor;
      else reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });
  },
  { name: 'authenticate', dependencies: ['@fastify/cookie'] },
);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError(401, 'auth.invalid_token', 'Use "Authorization: Bearer <token>".');
  return match[1];
}

function isCrossSite(request: FastifyRequest, publicOrigin?: string): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = request.headers.origin;
  if (!origin) return false;
  if (publicOrigin) return origin !== publicOrigin;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

import { CreatedInvite, CreateInviteInput, Invite, Me, Session, SignInInput, SignUpInput, SignUpPolicy } from '@guildhall/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/authenticate.ts';
import type { PeopleService } from '../people/index.ts';
import type { AuthService, NewSession } from './auth.service.ts';

type Options = { auth: AuthService; people: PeopleService; authRateLimit: number; publicOrigin?: string };

export const authRoutes: FastifyPluginAsyncZod<Options> = async (app, { auth, people, authRateLimit, publicOrigin }) => {
  // Guessing passwords or mass-creating accounts is slowed down per client address.
  const rateLimit = { max: authRateLimit, timeWindow: '1 minute' };

  const startSession = (request: FastifyRequest, reply: FastifyReply, session: NewSession) => {
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      expires: session.expiresAt,
    });
    request.actor = { kind: 'person', personId: session.personId, orgRole: 'member', via: 'session' };
  };

  app.get('/auth/session', { schema: { tags: ['auth'], response: { 200: Session } } }, async (req) => ({
    me: req.actor.kind === 'person' ? await people.me(req.actor) : null,
  }));

  app.get('/auth/signup-policy', { schema: { tags: ['auth'], response: { 200: SignUpPolicy } } }, () => auth.signUpPolicy());

  app.post(
    '/auth/signup',
    { config: { rateLimit }, schema: { tags: ['auth'], body: SignUpInput, response: { 201: Me } } },
    async (req, reply) => {
      startSession(req, reply, await auth.signUp(req.body));
      return reply.status(201).send(await people.me(req.actor));
    },
  );

  app.post(
    '/auth/signin',
    { config: { rateLimit }, schema: { tags: ['auth'], body: SignInInput, response: { 200: Me } } },
    async (req, reply) => {
      startSession(req, reply, await auth.signIn(req.body));
      return people.me(req.actor);
    },
  );

  app.post('/auth/signout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    await auth.signOut(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/invites', { schema: { tags: ['auth'], response: { 200: z.object({ items: z.array(Invite) }) } } }, async (req) => ({
    items: await auth.listInvites(req.actor),
  }));

  app.post('/invites', { schema: { tags: ['auth'], body: CreateInviteInput, response: { 201: CreatedInvite } } }, async (req, reply) => {
    const origin = publicOrigin ?? `${req.protocol}://${req.host}`;
    return reply.status(201).send(await auth.createInvite(req.actor, req.body, origin));
  });
};

import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { problem } from './errors.ts';
import { AuthRepository, AuthService, authRoutes } from './modules/auth/index.ts';
import {
  CommunitiesRepository,
  CommunitiesService,
  communitiesRoutes,
  MembershipsRepository,
  MembersService,
} from './modules/communities/index.ts';
import { PeopleRepository, PeopleService, peopleRoutes } from './modules/people/index.ts';
import { TeamsRepository, TeamsService, teamsRoutes } from './modules/teams/index.ts';
import { TokensRepository, TokensService, tokensRoutes } from './modules/tokens/index.ts';
import { authenticate } from './platform/auth/authenticate.ts';
import { CredentialsRepository } from './platform/auth/credentials.repository.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { serveWeb } from './platform/http/serve-web.ts';

export type AppOptions = { config: Config; database: Database; logger?: boolean | object };

/** Wires repositories into services: the one place that knows every room of the house. */
function createServices(config: Config, database: Database) {
  const { db, dialect } = database;
  const people = new PeopleRepository(db);
  const teams = new TeamsRepository(db);
  const communities = new CommunitiesRepository(db, dialect);
  const memberships = new MembershipsRepository(db);
  const credentials = new CredentialsRepository(db);
  const communityService = new CommunitiesService(db, communities, memberships);
  return {
    credentials,
    auth: new AuthService(db, new AuthRepository(db), people, credentials, config.ALLOWED_EMAIL_DOMAINS),
    people: new PeopleService(db, people, teams),
    teams: new TeamsService(teams),
    tokens: new TokensService(new TokensRepository(db)),
    communities: communityService,
    members: new MembersService(db, communities, memberships, people, communityService),
  };
}

/** Builds the app in a visible order: external plugins → app plugins → modules. */
export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
    // Request ids let one request be followed through the logs.
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only; anything else is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const services = createServices(config, database);

  // External plugins.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables at runtime; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Guildhall API', version: '1.0.0', description: 'Communities of Practice, self-hosted.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gh_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  // App plugins.
  await app.register(authenticate, { credentials: services.credentials, publicOrigin: config.PUBLIC_ORIGIN });

  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ready', database: database.dialect };
    } catch {
      return reply
        .status(503)
        .type('application/problem+json')
        .send(problem(503, 'database.unreachable', 'The database is not reachable.'));
    }
  });

  // Modules.
  await app.register(
    async (api) => {
      // Writes are rate-limited per person (or per address when signed out).
      api.addHook('onRoute', (route) => {
        const methods = [route.method].flat();
        if (methods.some((m) => m !== 'GET' && m !== 'HEAD') && route.config?.rateLimit === undefined) {
          route.config = {
            ...route.config,
            rateLimit: {
              max: config.WRITE_RATE_LIMIT_PER_MINUTE,
              timeWindow: '1 minute',
              keyGenerator: (req) => (req.actor.kind === 'person' ? req.actor.personId : req.ip),
            },
          };
        }
      });
      await api.register(authRoutes, {
        auth: services.auth,
        people: services.people,
        authRateLimit: config.AUTH_RATE_LIMIT_PER_MINUTE,
        publicOrigin: config.PUBLIC_ORIGIN,
      });
      await api.register(peopleRoutes, { people: services.people });
      await api.register(teamsRoutes, { teams: services.teams });
      await api.register(tokensRoutes, { tokens: services.tokens });
      await api.register(communitiesRoutes, { communities: services.communities, members: services.members });
    },
    { prefix: '/api/v1' },
  );

  await serveWeb(app, config.WEB_DIST);
  return app;
}

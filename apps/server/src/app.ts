import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { problem } from './errors.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { authRoutes } from './modules/auth/index.ts';
import { communitiesRoutes, stewardshipRoutes } from './modules/communities/index.ts';
import { conversationsRoutes } from './modules/conversations/index.ts';
import { backlogRoutes, calendarRoutes, eventsRoutes, sessionsRoutes } from './modules/events/index.ts';
import { knowledgeRoutes } from './modules/knowledge/index.ts';
import { onboardingRoutes } from './modules/onboarding/index.ts';
import { expertiseRoutes, peopleRoutes } from './modules/people/index.ts';
import { proposalsRoutes } from './modules/proposals/index.ts';
import { teamsRoutes } from './modules/teams/index.ts';
import { tokensRoutes } from './modules/tokens/index.ts';
import { authenticate } from './platform/auth/authenticate.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { serveWeb } from './platform/http/serve-web.ts';
import { markdownPreviewRoutes } from './platform/markdown/preview.routes.ts';
import { createEventBus, type EventBus } from './platform/realtime/bus.ts';
import { streamRoutes } from './platform/realtime/stream.routes.ts';
import { searchRoutes } from './platform/search/search.routes.ts';
import { createServices } from './services.ts';

export type AppOptions = {
  config: Config;
  database: Database;
  logger?: boolean | object;
  /** A bus owned by the caller (tests); by default the app creates its own and closes it. */
  bus?: EventBus;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Domain events: publish after commit (platform/realtime/bus.ts). */
    bus: EventBus;
  }
}

/** Every API write is rate-limited per person (or per address when signed out), unless its route sets its own limit. */
function limitApiWrites(app: FastifyInstance, perMinute: number) {
  app.addHook('onRoute', (route) => {
    const isWrite = [route.method].flat().some((m) => m !== 'GET' && m !== 'HEAD');
    if (!isWrite || !route.url.startsWith('/api/v1/') || route.config?.rateLimit !== undefined) return;
    route.config = {
      ...route.config,
      rateLimit: {
        max: perMinute,
        timeWindow: '1 minute',
        keyGenerator: (req) => (req.actor.kind === 'person' ? req.actor.personId : req.ip),
      },
    };
  });
}

/** Builds the app in a visible order: external plugins → app plugins → modules. */
export async function buildApp({ config, database, logger = false, bus: givenBus }: AppOptions): Promise<FastifyInstance> {
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

  const bus = givenBus ?? (await createEventBus(database, { databaseUrl: config.DATABASE_URL, log: app.log }));
  app.decorate('bus', bus);
  if (!givenBus) app.addHook('onClose', () => bus.close());
  const services = createServices(config, database, bus, app.log);

  // Security headers (helmet decides them, once), then external plugins.
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables at runtime; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Posts may embed https images, as in any wiki; scripts and frames stay first-party only.
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  // Must be added before the rate-limit plugin: its own onRoute hook reads config.rateLimit.
  limitApiWrites(app, config.WRITE_RATE_LIMIT_PER_MINUTE);
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
      await api.register(authRoutes, {
        auth: services.auth,
        people: services.people,
        authRateLimit: config.AUTH_RATE_LIMIT_PER_MINUTE,
        publicOrigin: config.PUBLIC_ORIGIN,
      });
      await api.register(peopleRoutes, { people: services.people, expertise: services.expertise });
      await api.register(expertiseRoutes, { expertise: services.expertise });
      await api.register(teamsRoutes, { teams: services.teams });
      await api.register(tokensRoutes, { tokens: services.tokens });
      await api.register(communitiesRoutes, { communities: services.communities, members: services.members });
      await api.register(streamRoutes, { streams: services.streams });
      await api.register(searchRoutes, { search: services.search });
      await api.register(conversationsRoutes, services);
      await api.register(markdownPreviewRoutes);
      await api.register(eventsRoutes, services);
      await api.register(sessionsRoutes, services);
      await api.register(backlogRoutes, services);
      await api.register(calendarRoutes, { calendar: services.calendar, publicOrigin: config.PUBLIC_ORIGIN });
      await api.register(auditRoutes, { audit: services.audit });
      await api.register(stewardshipRoutes, services);
      await api.register(proposalsRoutes, services);
      await api.register(onboardingRoutes, services);
      await api.register(knowledgeRoutes, services.knowledge);
    },
    { prefix: '/api/v1' },
  );

  await serveWeb(app, config.WEB_DIST);
  return app;
}

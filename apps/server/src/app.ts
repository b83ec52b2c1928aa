import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database, DB } from './db/database.ts';
import { problem } from './errors.ts';
import { AuditRepository, AuditService, auditRoutes } from './modules/audit/index.ts';
import { AuthRepository, AuthService, authRoutes } from './modules/auth/index.ts';
import {
  CharterRepository,
  CharterService,
  CommunitiesRepository,
  CommunitiesService,
  CoreHealthRepository,
  CoreHealthService,
  communitiesRoutes,
  LifecycleRepository,
  LifecycleService,
  MembershipsRepository,
  MembersService,
  stewardshipRoutes,
} from './modules/communities/index.ts';
import {
  ConversationAccess,
  conversationsRoutes,
  FlagsRepository,
  MentionsRepository,
  MentionsService,
  ModerationService,
  PostsRepository,
  PostsService,
  Presenter,
  ReactionsRepository,
  ReactionsService,
  ResolutionService,
  ThreadPageCache,
  ThreadsRepository,
  ThreadsService,
} from './modules/conversations/index.ts';
import {
  AgendaRepository,
  AgendaService,
  BacklogRepository,
  backlogRoutes,
  CadenceService,
  CalendarService,
  calendarRoutes,
  EditSeriesService,
  EventAccess,
  EventsRepository,
  EventsService,
  eventsRoutes,
  FeedsRepository,
  OccurrencesService,
  QuestionsRepository,
  QuestionsService,
  QuestionThreadsService,
  ReadingsService,
  ReflectionsRepository,
  ReflectionsService,
  RsvpsRepository,
  RsvpsService,
  sessionsRoutes,
} from './modules/events/index.ts';
import {
  CaptureService,
  CreatePageService,
  ExportService,
  ImportService,
  KnowledgeAccess,
  knowledgeRoutes,
  ManagePageService,
  PagePresenter,
  PageRenderer,
  PagesRepository,
  PagesService,
  PageWriter,
  RevisionsRepository,
  RevisionsService,
  SavePageService,
  WhiteboardsRepository,
  WhiteboardsService,
} from './modules/knowledge/index.ts';
import {
  HomeService,
  OnboardingRepository,
  OnboardingService,
  onboardingRoutes,
  type UpcomingSessionsSource,
} from './modules/onboarding/index.ts';
import {
  ExpertiseRepository,
  ExpertiseService,
  expertiseRoutes,
  PeopleRepository,
  PeopleService,
  peopleRoutes,
} from './modules/people/index.ts';
import { InterestService, LaunchService, ProposalsRepository, ProposalsService, proposalsRoutes } from './modules/proposals/index.ts';
import { TeamsRepository, TeamsService, teamsRoutes } from './modules/teams/index.ts';
import { TokensRepository, TokensService, tokensRoutes } from './modules/tokens/index.ts';
import { authenticate } from './platform/auth/authenticate.ts';
import { CredentialsRepository } from './platform/auth/credentials.repository.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { serveWeb } from './platform/http/serve-web.ts';
import { markdownPreviewRoutes } from './platform/markdown/preview.routes.ts';
import { createEventBus, type EventBus } from './platform/realtime/bus.ts';
import { CommunityAccessRepository } from './platform/realtime/community-access.repository.ts';
import { EventSender } from './platform/realtime/event-sender.ts';
import { streamRoutes } from './platform/realtime/stream.routes.ts';
import { StreamService } from './platform/realtime/stream.service.ts';
import { createSearchRepository } from './platform/search/search.repository.ts';
import { searchRoutes } from './platform/search/search.routes.ts';
import { SearchService } from './platform/search/search.service.ts';
import { SearchLabelsRepository } from './platform/search/search-labels.repository.ts';

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

/** Wires repositories into services: the one place that knows every room of the house. */
function createServices(config: Config, database: Database, bus: EventBus, log: FastifyBaseLogger) {
  const { db, dialect } = database;
  const people = new PeopleRepository(db);
  const teams = new TeamsRepository(db);
  const communities = new CommunitiesRepository(db, dialect);
  const memberships = new MembershipsRepository(db);
  const credentials = new CredentialsRepository(db);
  const charters = new CharterRepository(db);
  const lifecycle = new LifecycleRepository(db);
  const communityService = new CommunitiesService(db, communities, memberships, charters, lifecycle);
  const conversations = conversationServices(db, people, communityService, new EventSender(bus, log));
  const rhythm = eventServices(database, people, communityService, new EventSender(bus, log), conversations.threads);
  return {
    credentials,
    auth: new AuthService(db, new AuthRepository(db), people, credentials, config.ALLOWED_EMAIL_DOMAINS),
    people: new PeopleService(db, people, teams),
    teams: new TeamsService(teams),
    tokens: new TokensService(new TokensRepository(db)),
    communities: communityService,
    members: new MembersService(db, communities, memberships, people, communityService, bus),
    streams: new StreamService(bus, new CommunityAccessRepository(db), log),
    audit: new AuditService(new AuditRepository(db)),
    search: new SearchService(createSearchRepository(db, dialect), new SearchLabelsRepository(db)),
    ...rhythm,
    ...conversations,
    charters: new CharterService(db, communityService, charters, people, bus),
    lifecycle: new LifecycleService(db, communityService, lifecycle, people, bus),
    coreHealth: new CoreHealthService(communityService, new CoreHealthRepository(db)),
    expertise: new ExpertiseService(db, new ExpertiseRepository(db), people, conversations.access, bus),
    knowledge: knowledgeServices(database, people, communityService, memberships, new EventSender(bus, log), {
      threads: conversations.threads,
      occurrences: rhythm.occurrences,
      reflections: rhythm.reflections,
    }),
    ...growthServices(db, people, communityService, bus, upcomingSessionsFrom(rhythm.events)),
  };
}

/** Proposals, and the newcomer paths and home page that draw on them. */
function growthServices(
  db: DB,
  people: PeopleRepository,
  communities: CommunitiesService,
  bus: EventBus,
  upcomingSessions: UpcomingSessionsSource,
) {
  const proposalsRepository = new ProposalsRepository(db);
  const proposals = new ProposalsService(db, proposalsRepository, people, communities, bus);
  const onboarding = new OnboardingRepository(db);
  return {
    proposals,
    interest: new InterestService(db, proposalsRepository, proposals, people),
    launches: new LaunchService(db, proposalsRepository, proposals, communities, people, bus),
    onboarding: new OnboardingService(db, communities, onboarding, people, bus),
    home: new HomeService(onboarding, people, proposals, upcomingSessions),
  };
}

/** The home page's "upcoming sessions": the next few scheduled sessions of my communities and RSVPs. */
function upcomingSessionsFrom(events: EventsService): UpcomingSessionsSource {
  return async (person) => {
    const page = await events.listMine(person, { limit: 5 });
    return page.items
      .filter((o) => o.status === 'scheduled')
      .map((o) => ({
        id: `${o.eventId}/${o.key}`,
        eventId: o.eventId,
        occurrenceKey: o.key,
        title: o.title,
        community: { slug: o.community.slug, name: o.community.name },
        startsAt: o.startsAt,
      }));
  };
}

/** The rhythm of a community: series and sessions, RSVPs, agenda and backlog, live questions, reflections, calendars. */
function eventServices(
  { db, dialect }: Database,
  people: PeopleRepository,
  communities: CommunitiesService,
  announcer: EventSender,
  threadService: ThreadsService,
) {
  const events = new EventsRepository(db, dialect);
  const rsvpRows = new RsvpsRepository(db);
  const agendaRows = new AgendaRepository(db);
  const backlog = new BacklogRepository(db);
  const threads = new ThreadsRepository(db);
  const access = new EventAccess(events, communities);
  const rsvps = new RsvpsService(db, access, events, rsvpRows, people, announcer);
  const occurrences = new OccurrencesService(db, access, events, rsvps, agendaRows, backlog, threads, people, announcer);
  const questionRows = new QuestionsRepository(db);
  const questions = new QuestionsService(db, access, events, questionRows, people, agendaRows, announcer);
  return {
    events: new EventsService(db, access, events, rsvpRows, announcer),
    editSeries: new EditSeriesService(db, access, events, rsvps, announcer),
    occurrences,
    rsvps,
    agenda: new AgendaService(
      db,
      access,
      events,
      agendaRows,
      backlog,
      occurrences,
      threads,
      new Presenter(people, new ReactionsRepository(db)),
      people,
      announcer,
    ),
    readings: new ReadingsService(db, access, backlog, people),
    questions,
    questionThreads: new QuestionThreadsService(db, access, questionRows, questions, agendaRows, threadService, announcer),
    reflections: new ReflectionsService(db, access, rsvpRows, new ReflectionsRepository(db), people),
    cadence: new CadenceService(access, events),
    calendar: new CalendarService(db, access, events, new FeedsRepository(db)),
  };
}

/** Knowledge pages with revisions and links, capture from threads and sessions, import/export, whiteboards. */
function knowledgeServices(
  { db, dialect }: Database,
  people: PeopleRepository,
  communities: CommunitiesService,
  memberships: MembershipsRepository,
  announcer: EventSender,
  sources: { threads: ThreadsService; occurrences: OccurrencesService; reflections: ReflectionsService },
) {
  const pages = new PagesRepository(db);
  const revisionRows = new RevisionsRepository(db, dialect);
  const boards = new WhiteboardsRepository(db);
  const access = new KnowledgeAccess(pages, boards, communities);
  const renderer = new PageRenderer(pages, boards);
  const presenter = new PagePresenter(people, pages);
  const writer = new PageWriter(pages, revisionRows);
  const createPage = new CreatePageService(db, access, pages, writer, renderer, presenter, announcer);
  return {
    pages: new PagesService(access, pages, renderer, presenter),
    createPage,
    savePage: new SavePageService(db, access, pages, revisionRows, writer, renderer, presenter, people, announcer),
    managePage: new ManagePageService(db, access, pages, memberships, renderer, presenter, announcer),
    revisions: new RevisionsService(access, revisionRows, renderer, people),
    capture: new CaptureService(access, pages, createPage, presenter, sources.threads, sources.occurrences, sources.reflections),
    imports: new ImportService(db, access, pages, writer, renderer, announcer),
    exports: new ExportService(access, pages, people),
    whiteboards: new WhiteboardsService(db, access, boards, pages, renderer, people, announcer),
  };
}

/** Threads, posts, reactions, mentions and moderation share their repositories and presenter. */
function conversationServices(db: DB, people: PeopleRepository, communities: CommunitiesService, events: EventSender) {
  const threads = new ThreadsRepository(db);
  const posts = new PostsRepository(db);
  const mentions = new MentionsRepository(db);
  const reactions = new ReactionsRepository(db);
  const access = new ConversationAccess(threads, posts, communities);
  const presenter = new Presenter(people, reactions);
  const threadService = new ThreadsService(db, access, threads, posts, mentions, presenter, events);
  const postService = new PostsService(
    db,
    access,
    threads,
    posts,
    mentions,
    presenter,
    threadService,
    events,
    new ThreadPageCache(people, reactions),
  );
  return {
    access,
    threads: threadService,
    posts: postService,
    resolution: new ResolutionService(db, access, threads, posts, threadService),
    reactions: new ReactionsService(access, reactions, events),
    mentions: new MentionsService(mentions, people),
    moderation: new ModerationService(db, access, threads, posts, new FlagsRepository(db), presenter, threadService, postService, events),
  };
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

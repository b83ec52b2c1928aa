import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database, DB } from './db/database.ts';
import { AuditRepository, AuditService } from './modules/audit/index.ts';
import { AuthRepository, AuthService } from './modules/auth/index.ts';
import {
  CharterRepository,
  CharterService,
  CommunitiesRepository,
  CommunitiesService,
  CoreHealthRepository,
  CoreHealthService,
  LifecycleRepository,
  LifecycleService,
  MembershipsRepository,
  MembersService,
} from './modules/communities/index.ts';
import {
  ConversationAccess,
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
  CadenceService,
  CalendarService,
  EditSeriesService,
  EventAccess,
  EventsRepository,
  EventsService,
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
} from './modules/events/index.ts';
import {
  CaptureService,
  CreatePageService,
  ExportService,
  ImportService,
  KnowledgeAccess,
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
import { HomeService, OnboardingRepository, OnboardingService, type UpcomingSessionsSource } from './modules/onboarding/index.ts';
import { ExpertiseRepository, ExpertiseService, PeopleRepository, PeopleService } from './modules/people/index.ts';
import { InterestService, LaunchService, ProposalsRepository, ProposalsService } from './modules/proposals/index.ts';
import { TeamsRepository, TeamsService } from './modules/teams/index.ts';
import { TokensRepository, TokensService } from './modules/tokens/index.ts';
import { CredentialsRepository } from './platform/auth/credentials.repository.ts';
import type { EventBus } from './platform/realtime/bus.ts';
import { CommunityAccessRepository } from './platform/realtime/community-access.repository.ts';
import { EventSender } from './platform/realtime/event-sender.ts';
import { StreamService } from './platform/realtime/stream.service.ts';
import { createSearchRepository } from './platform/search/search.repository.ts';
import { SearchService } from './platform/search/search.service.ts';
import { SearchLabelsRepository } from './platform/search/search-labels.repository.ts';

/** Wires repositories into services: the one place that knows every room of the house. */
export function createServices(config: Config, database: Database, bus: EventBus, log: FastifyBaseLogger) {
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

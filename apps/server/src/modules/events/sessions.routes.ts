import {
  AgendaSlot,
  AttendanceInput,
  Attendee,
  CreateAgendaSlotInput,
  CreateSessionQuestionInput,
  FormatReflections,
  Id,
  Occurrence,
  OccurrenceReflections,
  QuestionsToThreadsResult,
  Reflection,
  ReflectionInput,
  RsvpInput,
  SessionQuestion,
  ThreadSummary,
  UpdateAgendaSlotInput,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AgendaService } from './agenda.service.ts';
import { OccurrenceParams } from './events.routes.ts';
import type { QuestionThreadsService } from './question-threads.service.ts';
import type { QuestionsService } from './questions.service.ts';
import type { ReflectionsService } from './reflections.service.ts';
import type { RsvpsService } from './rsvps.service.ts';

const tags = ['sessions'];
const SlotParams = z.object({ slotId: Id });
const QuestionParams = z.object({ questionId: Id });

export type SessionsRouteServices = {
  rsvps: RsvpsService;
  agenda: AgendaService;
  questions: QuestionsService;
  questionThreads: QuestionThreadsService;
  reflections: ReflectionsService;
};

/** Taking part in one session: RSVP, attendance, agenda, live questions, reflections. */
export const sessionsRoutes: FastifyPluginAsyncZod<SessionsRouteServices> = async (
  app,
  { rsvps, agenda, questions, questionThreads, reflections },
) => {
  const at = '/events/:eventId/occurrences/:key';

  app.put(
    `${at}/rsvp`,
    {
      schema: {
        tags,
        description: 'going | maybe | not_going. Going to a full session puts one on the waitlist.',
        params: OccurrenceParams,
        body: RsvpInput,
        response: { 200: Occurrence },
      },
    },
    (req) => rsvps.respond(req.actor, req.params.eventId, req.params.key, req.body),
  );

  app.get(`${at}/attendees`, { schema: { tags, params: OccurrenceParams, response: { 200: z.array(Attendee) } } }, (req) =>
    rsvps.attendees(req.actor, req.params.eventId, req.params.key),
  );

  app.put(
    `${at}/attendance`,
    {
      schema: {
        tags,
        description: 'Facilitators mark who attended.',
        params: OccurrenceParams,
        body: AttendanceInput,
        response: { 200: z.array(Attendee) },
      },
    },
    (req) => rsvps.markAttendance(req.actor, req.params.eventId, req.params.key, req.body),
  );

  app.post(
    `${at}/check-in`,
    {
      schema: {
        tags,
        description: 'From 30 minutes before the start until the end.',
        params: OccurrenceParams,
        response: { 200: Occurrence },
      },
    },
    (req) => rsvps.checkIn(req.actor, req.params.eventId, req.params.key),
  );

  app.post(
    `${at}/agenda`,
    { schema: { tags, params: OccurrenceParams, body: CreateAgendaSlotInput, response: { 201: z.array(AgendaSlot) } } },
    async (req, reply) => reply.status(201).send(await agenda.addSlot(req.actor, req.params.eventId, req.params.key, req.body)),
  );

  app.patch(
    '/agenda-slots/:slotId',
    { schema: { tags, params: SlotParams, body: UpdateAgendaSlotInput, response: { 200: z.array(AgendaSlot) } } },
    (req) => agenda.updateSlot(req.actor, req.params.slotId, req.body),
  );

  app.delete('/agenda-slots/:slotId', { schema: { tags, params: SlotParams } }, async (req, reply) => {
    await agenda.removeSlot(req.actor, req.params.slotId);
    return reply.status(204).send();
  });

  app.get(
    `${at}/challenges`,
    {
      schema: {
        tags,
        description: "The community's open challenges, for a problem-solving agenda.",
        params: OccurrenceParams,
        response: { 200: z.array(ThreadSummary) },
      },
    },
    (req) => agenda.openChallenges(req.actor, req.params.eventId, req.params.key),
  );

  app.get(
    `${at}/questions`,
    {
      schema: {
        tags,
        description: 'Unanswered first, then by votes. Live updates: session_question.* on /stream.',
        params: OccurrenceParams,
        response: { 200: z.array(SessionQuestion) },
      },
    },
    (req) => questions.list(req.actor, req.params.eventId, req.params.key),
  );

  app.post(
    `${at}/questions`,
    {
      schema: {
        tags,
        description:
          'Attendees ask the speaker, from 30 minutes before the session starts until it ends; outside that window the answer is ' +
          '409 occurrence.questions_closed.',
        params: OccurrenceParams,
        body: CreateSessionQuestionInput,
        response: { 201: SessionQuestion },
      },
    },
    async (req, reply) => reply.status(201).send(await questions.ask(req.actor, req.params.eventId, req.params.key, req.body)),
  );

  app.post(
    `${at}/questions/to-threads`,
    {
      schema: {
        tags,
        description:
          'Facilitators or the session’s presenters, once it has started: every unanswered question without a thread becomes a ' +
          'question thread of the community, in its asker’s name (anonymous stays anonymous), linking back to the session. ' +
          'Repeating it only threads questions that have no thread yet.',
        params: OccurrenceParams,
        response: { 200: QuestionsToThreadsResult },
      },
    },
    (req) => questionThreads.toThreads(req.actor, req.params.eventId, req.params.key),
  );

  app.put('/session-questions/:questionId/vote', { schema: { tags, params: QuestionParams, response: { 200: SessionQuestion } } }, (req) =>
    questions.vote(req.actor, req.params.questionId, true),
  );

  app.delete(
    '/session-questions/:questionId/vote',
    { schema: { tags, params: QuestionParams, response: { 200: SessionQuestion } } },
    (req) => questions.vote(req.actor, req.params.questionId, false),
  );

  app.put(
    '/session-questions/:questionId/answered',
    { schema: { tags, params: QuestionParams, response: { 200: SessionQuestion } } },
    (req) => questions.setAnswered(req.actor, req.params.questionId, true),
  );

  app.delete(
    '/session-questions/:questionId/answered',
    { schema: { tags, params: QuestionParams, response: { 200: SessionQuestion } } },
    (req) => questions.setAnswered(req.actor, req.params.questionId, false),
  );

  app.put(
    `${at}/reflection`,
    {
      schema: {
        tags,
        description: 'My reflection (attendees), created or replaced.',
        params: OccurrenceParams,
        body: ReflectionInput,
        response: { 200: Reflection },
      },
    },
    (req) => reflections.reflect(req.actor, req.params.eventId, req.params.key, req.body),
  );

  app.get(`${at}/reflection`, { schema: { tags, params: OccurrenceParams, response: { 200: Reflection } } }, (req) =>
    reflections.mine(req.actor, req.params.eventId, req.params.key),
  );

  app.get(
    `${at}/reflections`,
    {
      schema: {
        tags,
        description: 'Facilitators: every reflection on the session, and their aggregate.',
        params: OccurrenceParams,
        response: { 200: OccurrenceReflections },
      },
    },
    (req) => reflections.ofOccurrence(req.actor, req.params.eventId, req.params.key),
  );

  app.get(
    '/communities/:slug/reflections',
    {
      schema: {
        tags,
        description: 'Facilitators: reflections aggregated per format.',
        params: z.object({ slug: z.string().max(100) }),
        response: { 200: FormatReflections },
      },
    },
    (req) => reflections.byFormat(req.actor, req.params.slug),
  );
};

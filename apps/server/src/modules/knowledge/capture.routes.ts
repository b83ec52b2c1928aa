import { CaptureInput, Id, KnowledgePage, OccurrenceKey } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CaptureService } from './capture.service.ts';
import { tags } from './pages.routes.ts';

const ThreadParams = z.object({ threadId: Id });
const OccurrenceParams = z.object({ eventId: Id, key: OccurrenceKey });

/** "Save as knowledge" on a thread or a session: a prefilled draft page, linked to its source. */
export const captureRoutes: FastifyPluginAsyncZod<{ capture: CaptureService }> = async (app, { capture }) => {
  app.post(
    '/threads/:threadId/capture',
    {
      schema: {
        tags,
        description:
          'A question and its accepted answer (default kind best-practice), or a solved challenge (lesson-learned), as a draft page. 409 `capture.no_accepted_answer`, `capture.not_solved`, `capture.unsupported_thread` (discussions), `capture.would_reveal_author` (the capturer wrote part of it anonymously).',
        params: ThreadParams,
        body: CaptureInput,
        response: { 201: KnowledgePage },
      },
    },
    async (req, reply) => reply.status(201).send(await capture.fromThread(req.actor, req.params.threadId, req.body)),
  );

  app.post(
    '/events/:eventId/occurrences/:key/capture',
    {
      schema: {
        tags,
        description:
          'A session’s notes and (for its facilitators) its reflections gathered without names, as a draft page: reading-notes for a journal club, lesson-learned otherwise.',
        params: OccurrenceParams,
        body: CaptureInput,
        response: { 201: KnowledgePage },
      },
    },
    async (req, reply) => reply.status(201).send(await capture.fromOccurrence(req.actor, req.params.eventId, req.params.key, req.body)),
  );
};

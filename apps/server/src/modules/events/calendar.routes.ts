import { CalendarFeed, CreateCalendarFeedInput, CreatedCalendarFeed, Id } from '@guildhall/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CalendarService } from './calendar.service.ts';

const tags = ['calendar'];
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** .ics downloads and secret, revocable feed URLs. */
export const calendarRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService; publicOrigin?: string }> = async (
  app,
  { calendar, publicOrigin },
) => {
  const originOf = (req: FastifyRequest) => publicOrigin ?? `${req.protocol}://${req.host}`;

  app.get('/events/:eventId/calendar.ics', { schema: { tags, params: z.object({ eventId: Id }) } }, async (req, reply) => {
    const { filename, body } = await calendar.eventIcs(req.actor, req.params.eventId, originOf(req));
    return reply.type(CALENDAR_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(body);
  });

  app.get('/me/calendar-feeds', { schema: { tags, response: { 200: z.array(CalendarFeed) } } }, (req) => calendar.list(req.actor));

  app.post(
    '/me/calendar-feeds',
    {
      schema: {
        tags,
        description: 'The URL (with its secret) is shown only in this response.',
        body: CreateCalendarFeedInput,
        response: { 201: CreatedCalendarFeed },
      },
    },
    async (req, reply) => reply.status(201).send(await calendar.create(req.actor, req.body, originOf(req))),
  );

  app.delete('/me/calendar-feeds/:feedId', { schema: { tags, params: z.object({ feedId: Id }) } }, async (req, reply) => {
    await calendar.revoke(req.actor, req.params.feedId);
    return reply.status(204).send();
  });

  app.get(
    '/calendar/:file',
    {
      schema: {
        tags,
        description: 'A subscribable feed: the secret in the URL is the credential (no session needed). Revoked → 404.',
        params: z.object({
          file: z
            .string()
            .max(200)
            .regex(/^ghcal_[A-Za-z0-9_-]+\.ics$/),
        }),
        security: [],
      },
    },
    async (req, reply) => {
      const body = await calendar.feed(req.params.file.slice(0, -'.ics'.length), originOf(req));
      return reply.type(CALENDAR_TYPE).header('cache-control', 'private, max-age=300').send(body);
    },
  );
};

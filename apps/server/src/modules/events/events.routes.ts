import {
  CadenceReport,
  CreateEventInput,
  EventSeries,
  Id,
  Occurrence,
  OccurrenceDetail,
  OccurrenceKey,
  OccurrenceListQuery,
  OccurrenceRecordInput,
  pageOf,
  UpdateEventInput,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CadenceService } from './cadence.service.ts';
import type { EditSeriesService } from './edit-series.service.ts';
import type { EventsService } from './events.service.ts';
import type { OccurrencesService } from './occurrences.service.ts';

const SlugParams = z.object({ slug: z.string().max(100) });
const EventParams = z.object({ eventId: Id });
export const OccurrenceParams = EventParams.extend({ key: OccurrenceKey });
const tags = ['events'];

export type EventsRouteServices = {
  events: EventsService;
  editSeries: EditSeriesService;
  occurrences: OccurrencesService;
  cadence: CadenceService;
};

/** Series and their sessions: schedule, read calendars, edit one / following / all, cancel. */
export const eventsRoutes: FastifyPluginAsyncZod<EventsRouteServices> = async (app, { events, editSeries, occurrences, cadence }) => {
  app.get(
    '/communities/:slug/events',
    {
      schema: {
        tags,
        description: "The community's calendar: its sessions starting in the window (default: the next 90 days), in order.",
        params: SlugParams,
        querystring: OccurrenceListQuery,
        response: { 200: pageOf(Occurrence) },
      },
    },
    (req) => events.listForCommunity(req.actor, req.params.slug, req.query),
  );

  app.post(
    '/communities/:slug/events',
    { schema: { tags, params: SlugParams, body: CreateEventInput, response: { 201: EventSeries } } },
    async (req, reply) => reply.status(201).send(await events.create(req.actor, req.params.slug, req.body)),
  );

  app.get(
    '/communities/:slug/cadence',
    {
      schema: {
        tags,
        description: 'Cadence kept: the promised rhythm against sessions held.',
        params: SlugParams,
        response: { 200: CadenceReport },
      },
    },
    (req) => cadence.report(req.actor, req.params.slug),
  );

  app.get(
    '/events',
    {
      schema: {
        tags,
        description: 'Upcoming sessions across my communities and those I RSVPed to (home page).',
        querystring: OccurrenceListQuery,
        response: { 200: pageOf(Occurrence) },
      },
    },
    (req) => events.listMine(req.actor, req.query),
  );

  app.get('/events/:eventId', { schema: { tags, params: EventParams, response: { 200: EventSeries } } }, (req) =>
    events.get(req.actor, req.params.eventId),
  );

  app.patch(
    '/events/:eventId',
    {
      schema: {
        tags,
        description:
          'scope=this (with occurrenceKey): override one session (move it, retitle it…). scope=following: split the series at ' +
          'occurrenceKey and change it from there (answers the new series). scope=all: the whole series.',
        params: EventParams,
        body: UpdateEventInput,
        response: { 200: EventSeries },
      },
    },
    (req) => editSeries.edit(req.actor, req.params.eventId, req.body),
  );

  app.delete(
    '/events/:eventId',
    {
      schema: {
        tags,
        description: 'Cancels the whole series (it stays, marked cancelled).',
        params: EventParams,
        response: { 200: EventSeries },
      },
    },
    (req) => events.cancel(req.actor, req.params.eventId),
  );

  app.get(
    '/events/:eventId/occurrences',
    { schema: { tags, params: EventParams, querystring: OccurrenceListQuery, response: { 200: pageOf(Occurrence) } } },
    (req) => events.listOfEvent(req.actor, req.params.eventId, req.query),
  );

  app.get('/events/:eventId/occurrences/:key', { schema: { tags, params: OccurrenceParams, response: { 200: OccurrenceDetail } } }, (req) =>
    occurrences.get(req.actor, req.params.eventId, req.params.key),
  );

  app.put(
    '/events/:eventId/occurrences/:key/record',
    {
      schema: {
        tags,
        description: 'Notes, slides, recording; the chosen reading and discussion thread.',
        params: OccurrenceParams,
        body: OccurrenceRecordInput,
        response: { 200: OccurrenceDetail },
      },
    },
    (req) => occurrences.record(req.actor, req.params.eventId, req.params.key, req.body),
  );

  app.post(
    '/events/:eventId/occurrences/:key/cancel',
    { schema: { tags, params: OccurrenceParams, response: { 200: OccurrenceDetail } } },
    (req) => occurrences.setCancelled(req.actor, req.params.eventId, req.params.key, true),
  );

  app.delete(
    '/events/:eventId/occurrences/:key/cancel',
    { schema: { tags, description: 'Restores a cancelled session.', params: OccurrenceParams, response: { 200: OccurrenceDetail } } },
    (req) => occurrences.setCancelled(req.actor, req.params.eventId, req.params.key, false),
  );
};

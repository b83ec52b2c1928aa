import {
  CreateWhiteboardInput,
  Id,
  pageOf,
  RestoreRevisionInput,
  SaveWhiteboardInput,
  Whiteboard,
  WhiteboardConflictProblem,
  WhiteboardListQuery,
  WhiteboardPreviewQuery,
  WhiteboardRevision,
  WhiteboardRevisionSummary,
  WhiteboardSummary,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SlugParams, tags } from './pages.routes.ts';
import type { WhiteboardsService } from './whiteboards.service.ts';

const BoardParams = z.object({ whiteboardId: Id });
const RevisionParams = z.object({ whiteboardId: Id, version: z.coerce.number().int().min(1) });
/** A scene (5 MiB) and its preview (5 MiB) as JSON. */
const BOARD_BODY_LIMIT = 12 * 1024 * 1024;
/** The preview is an image of our own making: nothing in it may run or fetch. */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; sandbox";

export const whiteboardsRoutes: FastifyPluginAsyncZod<{ whiteboards: WhiteboardsService }> = async (app, { whiteboards }) => {
  app.get(
    '/communities/:slug/whiteboards',
    { schema: { tags, params: SlugParams, querystring: WhiteboardListQuery, response: { 200: pageOf(WhiteboardSummary) } } },
    (req) => whiteboards.list(req.actor, req.params.slug, req.query),
  );

  app.post(
    '/communities/:slug/whiteboards',
    {
      bodyLimit: BOARD_BODY_LIMIT,
      schema: {
        tags,
        description:
          'Members start a whiteboard. 400 `whiteboard.invalid_scene` / `whiteboard.invalid_preview`; 413 `whiteboard.too_large`.',
        params: SlugParams,
        body: CreateWhiteboardInput,
        response: { 201: Whiteboard },
      },
    },
    async (req, reply) => reply.status(201).send(await whiteboards.create(req.actor, req.params.slug, req.body)),
  );

  app.get('/whiteboards/:whiteboardId', { schema: { tags, params: BoardParams, response: { 200: Whiteboard } } }, (req) =>
    whiteboards.get(req.actor, req.params.whiteboardId),
  );

  app.put(
    '/whiteboards/:whiteboardId',
    {
      bodyLimit: BOARD_BODY_LIMIT,
      schema: {
        tags,
        description:
          'Save the next revision with the scene and its exported SVG preview; a stale version answers 409 `whiteboard.version_conflict`.',
        params: BoardParams,
        body: SaveWhiteboardInput,
        response: { 200: Whiteboard, 409: WhiteboardConflictProblem },
      },
    },
    (req) => whiteboards.save(req.actor, req.params.whiteboardId, req.body),
  );

  app.delete(
    '/whiteboards/:whiteboardId',
    { schema: { tags, description: 'Whoever started it, or facilitators.', params: BoardParams } },
    async (req, reply) => {
      await whiteboards.delete(req.actor, req.params.whiteboardId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/whiteboards/:whiteboardId/revisions',
    { schema: { tags, params: BoardParams, querystring: WhiteboardListQuery, response: { 200: pageOf(WhiteboardRevisionSummary) } } },
    (req) => whiteboards.revisions(req.actor, req.params.whiteboardId, req.query),
  );

  app.get(
    '/whiteboards/:whiteboardId/revisions/:version',
    { schema: { tags, params: RevisionParams, response: { 200: WhiteboardRevision } } },
    (req) => whiteboards.revision(req.actor, req.params.whiteboardId, req.params.version),
  );

  app.post(
    '/whiteboards/:whiteboardId/revisions/:version/restore',
    {
      schema: {
        tags,
        params: RevisionParams,
        body: RestoreRevisionInput,
        response: { 200: Whiteboard, 409: WhiteboardConflictProblem },
      },
    },
    (req) => whiteboards.restore(req.actor, req.params.whiteboardId, req.params.version, req.body),
  );

  app.get(
    '/whiteboards/:whiteboardId/preview.svg',
    {
      schema: {
        tags,
        description:
          'The sanitised SVG preview (image/svg+xml, under a CSP that forbids scripts); `?version=` for a revision’s. 404 `whiteboard.no_preview`.',
        params: BoardParams,
        querystring: WhiteboardPreviewQuery,
      },
    },
    async (req, reply) => {
      const svg = await whiteboards.preview(req.actor, req.params.whiteboardId, req.query.version);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-security-policy', PREVIEW_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=60')
        .send(svg);
    },
  );
};

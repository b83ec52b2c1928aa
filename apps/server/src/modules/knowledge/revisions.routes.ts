import {
  KnowledgePage,
  PageConflictProblem,
  PageDiff,
  PageDiffQuery,
  PageRevision,
  PageRevisionSummary,
  pageOf,
  RestoreRevisionInput,
  RevisionListQuery,
  RevisionParams,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PageParams, tags } from './pages.routes.ts';
import type { RevisionsService } from './revisions.service.ts';
import type { SavePageService } from './save-page.service.ts';

export const revisionsRoutes: FastifyPluginAsyncZod<{ revisions: RevisionsService; savePage: SavePageService }> = async (
  app,
  { revisions, savePage },
) => {
  app.get(
    '/pages/:pageId/revisions',
    {
      schema: {
        tags,
        description: 'Every save, newest first: author, time, note and size.',
        params: PageParams,
        querystring: RevisionListQuery,
        response: { 200: pageOf(PageRevisionSummary) },
      },
    },
    (req) => revisions.list(req.actor, req.params.pageId, req.query),
  );

  app.get(
    '/pages/:pageId/revisions/:version',
    {
      schema: {
        tags,
        description: 'One revision in full (404 `revision.not_found`).',
        params: RevisionParams,
        response: { 200: PageRevision },
      },
    },
    (req) => revisions.get(req.actor, req.params.pageId, req.params.version),
  );

  app.get(
    '/pages/:pageId/diff',
    {
      schema: {
        tags,
        description: 'Inline word-level diff between any two revisions: runs of equal, deleted and inserted text.',
        params: PageParams,
        querystring: PageDiffQuery,
        response: { 200: PageDiff },
      },
    },
    (req) => revisions.diff(req.actor, req.params.pageId, req.query),
  );

  app.post(
    '/pages/:pageId/revisions/:version/restore',
    {
      schema: {
        tags,
        description:
          'The old revision’s title and text become a new revision. `version` is the current version the person saw (409 `page.version_conflict` when stale).',
        params: RevisionParams,
        body: RestoreRevisionInput,
        response: { 200: KnowledgePage, 409: PageConflictProblem },
      },
    },
    (req) => savePage.restore(req.actor, req.params.pageId, req.params.version, req.body),
  );
};

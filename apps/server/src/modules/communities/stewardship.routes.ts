import {
  ChangeStageInput,
  Charter,
  CharterRevision,
  CharterRevisionQuery,
  CoreHealth,
  Lifecycle,
  pageOf,
  UpdateCharterInput,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CharterService } from './charter.service.ts';
import type { CoreHealthService } from './core-health.service.ts';
import type { LifecycleService } from './lifecycle.service.ts';

const SlugParams = z.object({ slug: z.string().max(100) });
const tags = ['communities'];

/** What facilitators tend: the charter, the lifecycle stage and the core group's health. */
export const stewardshipRoutes: FastifyPluginAsyncZod<{
  charters: CharterService;
  lifecycle: LifecycleService;
  coreHealth: CoreHealthService;
}> = async (app, { charters, lifecycle, coreHealth }) => {
  app.get('/communities/:slug/charter', { schema: { tags, params: SlugParams, response: { 200: Charter } } }, (req) =>
    charters.get(req.actor, req.params.slug),
  );

  app.put(
    '/communities/:slug/charter',
    {
      schema: {
        tags,
        description:
          'Facilitators edit the charter; fields left out keep their text. A stale version answers 409 charter.version_conflict.',
        params: SlugParams,
        body: UpdateCharterInput,
        response: { 200: Charter },
      },
    },
    (req) => charters.update(req.actor, req.params.slug, req.body),
  );

  app.get(
    '/communities/:slug/charter/revisions',
    { schema: { tags, params: SlugParams, querystring: CharterRevisionQuery, response: { 200: pageOf(CharterRevision) } } },
    (req) => charters.revisions(req.actor, req.params.slug, req.query),
  );

  app.get('/communities/:slug/lifecycle', { schema: { tags, params: SlugParams, response: { 200: Lifecycle } } }, (req) =>
    lifecycle.get(req.actor, req.params.slug),
  );

  app.post(
    '/communities/:slug/lifecycle',
    {
      schema: {
        tags,
        description:
          'Move the stage. Backwards needs a note (400 stage.note_required); closing archives read-only, optionally naming a successor.',
        params: SlugParams,
        body: ChangeStageInput,
        response: { 200: Lifecycle },
      },
    },
    (req) => lifecycle.change(req.actor, req.params.slug, req.body),
  );

  app.get('/communities/:slug/core-health', { schema: { tags, params: SlugParams, response: { 200: CoreHealth } } }, (req) =>
    coreHealth.get(req.actor, req.params.slug),
  );
};

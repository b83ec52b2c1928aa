import {
  Backlinks,
  Captures,
  CapturesQuery,
  ChangePageOwnerInput,
  CreatePageInput,
  Id,
  KnowledgePage,
  KnowledgeTemplates,
  PageConflictProblem,
  PageListQuery,
  PagePreview,
  PageSummary,
  PageTree,
  PreviewPageInput,
  pageOf,
  SavePageInput,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CreatePageService } from './create-page.service.ts';
import type { ManagePageService } from './manage-page.service.ts';
import type { PagesService } from './pages.service.ts';
import type { SavePageService } from './save-page.service.ts';

export const SlugParams = z.object({ slug: z.string().max(100) });
export const PageParams = z.object({ pageId: Id });
export const tags = ['knowledge'];
/** A page's source is at most 1 MiB of UTF-8; JSON escaping can triple it on the wire. */
export const PAGE_BODY_LIMIT = 4 * 1024 * 1024;

export const pagesRoutes: FastifyPluginAsyncZod<{
  pages: PagesService;
  createPage: CreatePageService;
  savePage: SavePageService;
  managePage: ManagePageService;
}> = async (app, { pages, createPage, savePage, managePage }) => {
  app.get(
    '/knowledge/templates',
    {
      schema: {
        tags,
        description: 'Each kind’s template: at most six headings, and its review period.',
        response: { 200: KnowledgeTemplates },
      },
    },
    (req) => pages.templates(req.actor),
  );

  app.get(
    '/communities/:slug/pages',
    {
      schema: {
        tags,
        description:
          'A community’s pages (drafts only for their owner and its facilitators). `stale=true`: published pages past their review date; `sort=review` lists the most overdue first.',
        params: SlugParams,
        querystring: PageListQuery,
        response: { 200: pageOf(PageSummary) },
      },
    },
    (req) => pages.list(req.actor, req.params.slug, req.query),
  );

  app.get(
    '/communities/:slug/pages/tree',
    {
      schema: {
        tags,
        description: 'Every page the reader may see, as a flat list with parent ids.',
        params: SlugParams,
        response: { 200: PageTree },
      },
    },
    (req) => pages.tree(req.actor, req.params.slug),
  );

  app.post(
    '/communities/:slug/pages',
    {
      bodyLimit: PAGE_BODY_LIMIT,
      schema: {
        tags,
        description:
          'Members write pages. 409 `page.title_taken`; 413 `page.too_large` (field bodySource); 400 `page.parent_not_found`, `page.too_deep`.',
        params: SlugParams,
        body: CreatePageInput,
        response: { 201: KnowledgePage },
      },
    },
    async (req, reply) => reply.status(201).send(await createPage.create(req.actor, req.params.slug, req.body)),
  );

  app.post(
    '/communities/:slug/pages/preview',
    {
      bodyLimit: PAGE_BODY_LIMIT,
      schema: {
        tags,
        description:
          'The editor’s live preview: the HTML and outline saving would store, links resolved in this community. Stores nothing.',
        params: SlugParams,
        body: PreviewPageInput,
        response: { 200: PagePreview },
      },
    },
    (req) => pages.preview(req.actor, req.params.slug, req.body.bodySource),
  );

  app.get('/pages/:pageId', { schema: { tags, params: PageParams, response: { 200: KnowledgePage } } }, (req) =>
    pages.get(req.actor, req.params.pageId),
  );

  app.put(
    '/pages/:pageId',
    {
      bodyLimit: PAGE_BODY_LIMIT,
      schema: {
        tags,
        description:
          'Save the next revision. A stale `version` answers 409 `page.version_conflict` with the current text, who saved it and what changed; 409 `page.parent_cycle` for a move under its own sub-page.',
        params: PageParams,
        body: SavePageInput,
        response: { 200: KnowledgePage, 409: PageConflictProblem },
      },
    },
    (req) => savePage.save(req.actor, req.params.pageId, req.body),
  );

  app.delete(
    '/pages/:pageId',
    { schema: { tags, description: 'Owner or facilitators. 409 `page.has_children` while it has sub-pages.', params: PageParams } },
    async (req, reply) => {
      await managePage.delete(req.actor, req.params.pageId);
      return reply.status(204).send();
    },
  );

  app.put(
    '/pages/:pageId/owner',
    {
      schema: {
        tags,
        description: 'Owner or facilitators hand a page on to another active member (400 `page.owner_not_member`).',
        params: PageParams,
        body: ChangePageOwnerInput,
        response: { 200: KnowledgePage },
      },
    },
    (req) => managePage.changeOwner(req.actor, req.params.pageId, req.body.ownerId),
  );

  app.post(
    '/pages/:pageId/confirm-fresh',
    {
      schema: {
        tags,
        description: '“Still accurate”: moves the review date a period of its kind ahead. Not a revision; `version` stays.',
        params: PageParams,
        response: { 200: KnowledgePage },
      },
    },
    (req) => managePage.confirmFresh(req.actor, req.params.pageId),
  );

  app.get(
    '/pages/:pageId/backlinks',
    { schema: { tags, description: 'Pages whose [[links]] name this one.', params: PageParams, response: { 200: Backlinks } } },
    (req) => pages.backlinks(req.actor, req.params.pageId),
  );

  app.get(
    '/knowledge/captures',
    {
      schema: {
        tags,
        description: '“Captured in <page>”: the pages captured from a thread, a challenge or a session (`<eventId>/<key>`).',
        querystring: CapturesQuery,
        response: { 200: Captures },
      },
    },
    (req) => pages.captures(req.actor, req.query),
  );
};

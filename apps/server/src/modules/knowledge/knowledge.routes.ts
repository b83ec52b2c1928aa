import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { captureRoutes } from './capture.routes.ts';
import type { CaptureService } from './capture.service.ts';
import type { CreatePageService } from './create-page.service.ts';
import type { ExportService } from './export.service.ts';
import type { ImportService } from './import.service.ts';
import type { ManagePageService } from './manage-page.service.ts';
import { pagesRoutes } from './pages.routes.ts';
import type { PagesService } from './pages.service.ts';
import { revisionsRoutes } from './revisions.routes.ts';
import type { RevisionsService } from './revisions.service.ts';
import type { SavePageService } from './save-page.service.ts';
import { transferRoutes } from './transfer.routes.ts';
import { whiteboardsRoutes } from './whiteboards.routes.ts';
import type { WhiteboardsService } from './whiteboards.service.ts';

export type KnowledgeServices = {
  pages: PagesService;
  createPage: CreatePageService;
  savePage: SavePageService;
  managePage: ManagePageService;
  revisions: RevisionsService;
  capture: CaptureService;
  imports: ImportService;
  exports: ExportService;
  whiteboards: WhiteboardsService;
};

/** The knowledge room's routes: pages, revisions, capture, import/export, whiteboards. */
export const knowledgeRoutes: FastifyPluginAsyncZod<KnowledgeServices> = async (app, services) => {
  await app.register(pagesRoutes, services);
  await app.register(revisionsRoutes, services);
  await app.register(captureRoutes, services);
  await app.register(transferRoutes, services);
  await app.register(whiteboardsRoutes, services);
};

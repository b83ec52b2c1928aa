import { IMPORT_LIMITS, ImportQuery, ImportResult } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ExportService } from './export.service.ts';
import type { ImportService, ImportUpload } from './import.service.ts';
import { PageParams, SlugParams, tags } from './pages.routes.ts';

// Browsers label zips differently (Windows: x-zip-compressed; unknown: octet-stream).
const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];
const MARKDOWN_TYPES = ['text/markdown', 'text/x-markdown'];

const attachment = (name: string) => `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

/** Knowledge in and out as Markdown with front matter. */
export const transferRoutes: FastifyPluginAsyncZod<{ imports: ImportService; exports: ExportService }> = async (
  app,
  { imports, exports },
) => {
  // Raw uploads, for these routes only (this plugin is encapsulated): bytes, decoded by the service.
  app.addContentTypeParser(ZIP_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.zipBytes }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(MARKDOWN_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.fileBytes + 1024 }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/pages/:pageId/export',
    {
      schema: {
        tags,
        description: 'The page as Markdown with YAML front matter (title, kind, tags, owner, reviewBy, origin); text/markdown.',
        params: PageParams,
      },
    },
    async (req, reply) => {
      const { fileName, markdown } = await exports.page(req.actor, req.params.pageId);
      return reply.type('text/markdown; charset=utf-8').header('content-disposition', attachment(fileName)).send(markdown);
    },
  );

  app.get(
    '/communities/:slug/knowledge/export',
    {
      schema: {
        tags,
        description:
          'Every published page as a zip of Markdown files: folders mirror the page tree (a page with sub-pages is <name>/index.md), links between pages become relative links.',
        params: SlugParams,
      },
    },
    async (req, reply) => {
      const { fileName, zip } = await exports.community(req.actor, req.params.slug);
      return reply.type('application/zip').header('content-disposition', attachment(fileName)).send(Buffer.from(zip));
    },
  );

  app.post(
    '/communities/:slug/knowledge/import',
    {
      bodyLimit: IMPORT_LIMITS.zipBytes,
      schema: {
        tags,
        consumes: ['application/json', ...ZIP_TYPES, ...MARKDOWN_TYPES],
        description:
          'Facilitators import a zip (application/zip, at most 20 MiB), one Markdown file (text/markdown, `?name=`), or JSON `{files: [{path, content}]}` (ImportFilesInput). All or nothing. 400 `import.unsafe_path`, `import.not_utf8`, `import.invalid_zip` (also an entry that misstates its size or checksum), `import.invalid_front_matter`; 413 `import.too_large`; 409 `import.title_taken`.',
        params: SlugParams,
        querystring: ImportQuery,
        response: { 201: ImportResult },
      },
    },
    async (req, reply) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const upload: ImportUpload = ZIP_TYPES.includes(type)
        ? { type: 'zip', bytes: req.body as Buffer }
        : MARKDOWN_TYPES.includes(type)
          ? { type: 'markdown', bytes: req.body as Buffer }
          : { type: 'json', body: req.body };
      return reply.status(201).send(await imports.import(req.actor, req.params.slug, upload, req.query));
    },
  );
};

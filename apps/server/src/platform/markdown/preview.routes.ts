import { MAX_POST_BYTES } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { renderMarkdown } from './markdown.ts';

const TOO_LONG = 'Keep it under 64 KiB';

/**
 * A draft as it will be shown. Unlike a post's body, an empty draft is fine (it previews as
 * nothing); the size cap is the same, counted in UTF-8 bytes as the stored body is.
 */
export const MarkdownPreviewInput = z.strictObject({
  // Bytes are never fewer than characters, so one check covers both; the body limit bounds the work.
  source: z.string().refine((s) => Buffer.byteLength(s, 'utf8') <= MAX_POST_BYTES, { message: TOO_LONG }),
});
export const MarkdownPreview = z.object({ html: z.string() });

/**
 * POST /markdown/preview: the composer's Preview tab. It runs the very renderer and sanitiser
 * that posts are stored with, so what people preview is exactly what readers will get; the
 * browser never renders Markdown itself. A write for rate limiting and CSRF (it costs CPU,
 * and a GET would put drafts in URLs and logs), though it stores nothing.
 */
export const markdownPreviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/markdown/preview',
    {
      schema: {
        tags: ['markdown'],
        summary: 'Render a Markdown draft as it would be stored',
        body: MarkdownPreviewInput,
        response: { 200: MarkdownPreview },
      },
    },
    (req) => {
      authorize(req.actor, 'markdown.preview', { type: 'self' });
      return { html: renderMarkdown(req.body.source) };
    },
  );
};

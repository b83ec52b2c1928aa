import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem } from '../../errors.ts';

/**
 * Serves the built web app and answers unknown browser paths with index.html, so deep links
 * work with client-side routing. Unknown /api paths get a problem+json 404 instead.
 */
export async function serveWeb(app: FastifyInstance, dist = resolve(import.meta.dirname, '../../../../web/dist')) {
  const hasWeb = existsSync(resolve(dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      // Vite fingerprints asset names, so they can be cached for good.
      setHeaders: (res, path) => {
        if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Any GET outside the API that does not name a file is a page of the app (curl included);
    // a missing asset stays a 404 rather than becoming HTML with the wrong type.
    const path = request.url.split('?')[0] ?? '';
    const isPage = request.method === 'GET' && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path);
    if (isPage && hasWeb) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply
      .status(404)
      .type('application/problem+json')
      .send(problem(404, 'route.not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}.`));
  });
}

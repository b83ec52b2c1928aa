import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's response headers (CSP, HSTS, nosniff, frame and referrer policies…), worked out once.
 * @fastify/helmet built helmet's middleware anew for every request, parsing the CSP each time:
 * 6% of the server's CPU on the thread page (bench/results.md). Our options are the same for
 * every response (no nonces, no per-route settings), so helmet is asked once what its headers
 * are, and each request gets them set on the raw response, where a route may still override one
 * (the whiteboard preview's own CSP) and streams merge them in with writeHead.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers: [string, string][] = [];
  const collector = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.push([name, String(value)]),
    // Helmet removes X-Powered-By; Node never sets it.
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, collector as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

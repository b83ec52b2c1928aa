import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PublishedEvent } from './bus.ts';
import type { StreamService } from './stream.service.ts';

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3_000;
/** Proxies and load balancers close connections that stay silent for a minute or so. */
const HEARTBEAT_MS = 25_000;
/**
 * A stream is one request: its session was checked once, when it opened. Ending it now and
 * then makes the browser reconnect and authenticate again, so a signed-out or revoked
 * session, or a changed org role, never lives on in an old connection.
 */
const MAX_STREAM_MS = 30 * 60_000;
/** A client this far behind is not reading; drop it (it may reconnect) rather than buffer for it. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/**
 * Events for one connection within this long leave in one socket write: under a burst of posts
 * a hundred listeners cost a hundred system calls per batch instead of per event (socket writes
 * were a sixth of the server's CPU at 100 listeners, bench/results.md), for a delay well inside
 * DESIGN.md's 200 ms.
 */
const COALESCE_MS = 20;

// Every connection receives the same event object: serialise it once, not once per client.
const frames = new WeakMap<PublishedEvent, string>();
function frameOf(event: PublishedEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    // JSON never contains a raw newline, so the data fits on one `data:` line.
    frame = `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\nid: ${event.id}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}

export const streamRoutes: FastifyPluginAsyncZod<{ streams: StreamService }> = async (app, { streams }) => {
  const open = new Set<ServerResponse>();
  // Streams never finish on their own, and app.close() waits for every response to finish.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get(
    '/stream',
    {
      schema: {
        tags: ['realtime'],
        summary: 'Live events (Server-Sent Events)',
        description:
          'A text/event-stream of the events the signed-in person may read: `event: <type>`, `data: <json>`, `id: <uuid>`. ' +
          'A comment line arrives every 25 s as a heartbeat. Events are not replayed: after a reconnect (or a ' +
          '`realtime.resync` event) refetch what is on screen.',
      },
    },
    async (req, reply) => {
      // Authorises before anything is sent, so an anonymous caller gets a normal 401 problem.
      const stream = streams.open(req.actor);
      reply.hijack();
      const res = reply.raw;
      // Headers set earlier on the raw response (helmet's) are merged in by writeHead.
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform: compressing proxies must not buffer the stream.
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx buffers proxied responses unless told not to.
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      let corked = false;
      const write = (chunk: string) => {
        if (res.writableLength > MAX_BUFFERED_BYTES) return res.destroy();
        if (!corked) {
          corked = true;
          res.cork();
          setTimeout(() => {
            corked = false;
            if (!res.destroyed) res.uncork();
          }, COALESCE_MS);
        }
        res.write(chunk);
      };
      write(`retry: ${RETRY_MS}\n\n`);
      const stop = stream.start((event) => write(frameOf(event)));
      const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
      const lifetime = setTimeout(() => res.end(), MAX_STREAM_MS);
      open.add(res);
      res.on('close', () => {
        stop();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        open.delete(res);
      });
    },
  );
};

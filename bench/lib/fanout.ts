import { readFileSync, writeFileSync } from 'node:fs';
import { type ClientRequest, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { percentile } from './load.ts';

/**
 * The fan-out benchmark's parts (bench/fanout.ts drives them): SSE readers that time the
 * arrival of each post, the posting loop, and the results block. DESIGN.md: "a post reaches
 * 1,000 connected SSE clients, p99 ≤ 200 ms".
 */

export const FANOUT_BUDGET_MS = 200;

/** The first of `threadIds` whose community is open: everyone who may post there may read it, streams included. */
export async function openCommunityThread(databaseUrl: string, threadIds: string[]): Promise<{ threadId: string; slug: string }> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    for (let i = 0; i < threadIds.length; i += 100) {
      const row = await db
        .selectFrom('thread')
        .innerJoin('community', 'community.id', 'thread.community_id')
        .select(['thread.id', 'community.slug'])
        .where('thread.id', 'in', threadIds.slice(i, i + 100))
        .where('community.visibility', '=', 'open')
        .executeTakeFirst();
      if (row) return { threadId: row.id, slug: row.slug };
    }
    throw new Error('the bench member may post in no thread of an open community: is the database seeded?');
  } finally {
    await close();
  }
}

/** The soft "Max open files" of a process (`self` for this one), from /proc (Linux); null elsewhere. */
export function openFileLimit(pid: number | 'self'): number | null {
  try {
    const match = /Max open files\s+(\d+|unlimited)/.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
    if (!match) return null;
    return match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
  } catch {
    return null;
  }
}

/** A unique token per run and post: plain letters and digits, so Markdown leaves it intact in body and HTML. */
export const markerOf = (run: string, i: number) => `fanout${run}n${i}z`;

/**
 * `clients` SSE connections reading `post.created` events. Arrival times go into one flat
 * array (client × post), stamped when the chunk arrives, before any parsing, so that this
 * process's own parsing counts as little as possible. A post is recognised by its marker; an
 * event whose payload was cut to ids (PostgreSQL's NOTIFY limit) by its post id, resolved later.
 */
export class Streams {
  readonly arrivals: Float64Array;
  connected = 0;
  failed = 0;
  /** Streams that ended or broke after connecting (the server drops a reader 1 MB behind). */
  closedEarly = 0;
  duplicates = 0;
  /** Deliveries seen so far (a marker or a post id of ours). */
  seen = 0;
  private readonly byId: { client: number; postId: string; at: number }[] = [];
  private readonly requests: ClientRequest[] = [];
  private readonly marker: RegExp;
  private closing = false;

  constructor(
    private readonly port: number,
    private readonly cookie: string,
    readonly clients: number,
    readonly posts: number,
    run: string,
  ) {
    this.arrivals = new Float64Array(clients * posts).fill(Number.NaN);
    this.marker = new RegExp(`fanout${run}n(\\d+)z`);
  }

  /** Opens every stream, `concurrency` at a time (a thousand SYNs at once overflow the listen backlog). */
  async open(concurrency = 50, timeoutMs = 60_000): Promise<void> {
    let next = 0;
    const worker = async () => {
      for (let c = next++; c < this.clients; c = next++) await this.openOne(c, timeoutMs);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, this.clients) }, worker));
  }

  /** Resolves when the server's first line (`retry:`) arrives: it subscribes to the bus in the same tick. */
  private openOne(client: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      let ready = false;
      const settle = (ok: boolean) => {
        if (ready) return;
        ready = true;
        clearTimeout(timer);
        if (ok) this.connected++;
        else this.failed++;
        resolve();
      };
      const timer = setTimeout(() => {
        req.destroy();
        settle(false);
      }, timeoutMs);
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/api/v1/stream',
          agent: false,
          headers: { cookie: this.cookie, accept: 'text/event-stream' },
        },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            req.destroy();
            return settle(false);
          }
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            const at = performance.now();
            buffer += chunk;
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              this.frame(client, buffer.slice(0, end), at);
              buffer = buffer.slice(end + 2);
            }
            settle(true);
          });
          res.on('close', () => {
            if (ready && !this.closing) this.closedEarly++;
          });
        },
      );
      req.on('error', () => settle(false));
      req.end();
      this.requests.push(req);
    });
  }

  private frame(client: number, frame: string, at: number): void {
    if (!frame.startsWith('event: post.created\n')) return;
    const i = Number(this.marker.exec(frame)?.[1] ?? Number.NaN);
    if (Number.isInteger(i) && i < this.posts) {
      const slot = client * this.posts + i;
      if (Number.isNaN(this.arrivals[slot] as number)) {
        this.arrivals[slot] = at;
        this.seen++;
      } else this.duplicates++;
      return;
    }
    const postId = /"postId":"([^"]+)"/.exec(frame)?.[1];
    if (postId) this.byId.push({ client, postId, at });
  }

  /** Files the deliveries known only by post id, once the POSTs have answered with their ids. */
  resolveIds(postIndex: Map<string, number>): void {
    for (const { client, postId, at } of this.byId.splice(0)) {
      const i = postIndex.get(postId);
      if (i === undefined) continue;
      const slot = client * this.posts + i;
      if (Number.isNaN(this.arrivals[slot] as number)) {
        this.arrivals[slot] = at;
        this.seen++;
      } else this.duplicates++;
    }
  }

  /** Deliveries already seen, plus those waiting for their post id: whether to keep waiting. */
  pending(): number {
    return this.seen + this.byId.length;
  }

  close(): void {
    this.closing = true;
    for (const r of this.requests) r.destroy();
  }
}

/** The post's id from a POST's answer (a Post, `id` at its top level), or null for a problem or garbage. */
function idOf(text: string): string | null {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

export type Sent = { sentAt: number; answeredAt: number; status: number; postId: string | null };

/**
 * Writes `posts` replies at a fixed rate, open loop: a post leaves on schedule whether or not
 * the previous one has answered, as people's posts do. Times are this process's performance.now().
 */
export async function postAtRate(
  port: number,
  cookie: string,
  threadId: string,
  posts: number,
  rate: number,
  run: string,
): Promise<Sent[]> {
  const sent: Sent[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < posts; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const body = JSON.stringify({ body: `Fan-out probe ${markerOf(run, i)}: does this reach every open stream in time?` });
    const record: Sent = { sentAt: performance.now(), answeredAt: Number.NaN, status: 0, postId: null };
    sent.push(record);
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/api/v1/threads/${threadId}/posts`,
            headers: {
              cookie,
              'content-type': 'application/json',
              'sec-fetch-site': 'same-origin',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              text += chunk;
            });
            res.on('end', () => {
              record.answeredAt = performance.now();
              record.status = res.statusCode ?? 0;
              record.postId = idOf(text);
              resolve();
            });
          },
        );
        req.on('error', () => {
          record.answeredAt = performance.now();
          resolve();
        });
        req.end(body);
      }),
    );
  }
  await Promise.all(inFlight);
  return sent;
}

export type Latency = { n: number; p50: number; p95: number; p99: number; max: number };

export function latencies(streams: Streams, sent: Sent[], from: 'sentAt' | 'answeredAt'): Latency {
  const values: number[] = [];
  for (let c = 0; c < streams.clients; c++) {
    for (let i = 0; i < streams.posts; i++) {
      const at = streams.arrivals[c * streams.posts + i] as number;
      const origin = sent[i]?.[from];
      if (!Number.isNaN(at) && origin !== undefined && !Number.isNaN(origin)) values.push(at - origin);
    }
  }
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : 0,
  };
}

export type FanoutSummary = {
  clients: number;
  connected: number;
  closedEarly: number;
  posts: number;
  postsOk: number;
  rate: number;
  expected: number;
  received: number;
  duplicates: number;
  fromSend: Latency;
  fromAnswer: Latency;
  cpuMsPerPost: number;
  dbCpuMsPerPost: number | null;
  rssMb: number;
};

/** The budget holds only if everyone connected, every post was written and every delivery arrived, in time. */
export const fanoutPasses = (s: FanoutSummary) =>
  s.connected === s.clients &&
  s.closedEarly === 0 &&
  s.postsOk === s.posts &&
  s.received === s.expected &&
  s.fromSend.p99 <= FANOUT_BUDGET_MS;

const ms = (n: number) => (Math.abs(n) < 10 ? n.toFixed(1) : n.toFixed(0));

export function fanoutTable(s: FanoutSummary): string {
  const missing = s.expected - s.received;
  const row = (label: string, l: Latency, budget: string) =>
    `| ${label} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${budget} |`;
  const cpu = `${s.cpuMsPerPost.toFixed(1)}${s.dbCpuMsPerPost === null ? '' : ` + ${s.dbCpuMsPerPost.toFixed(1)}`}`;
  return [
    '| clients connected | posts written (rate) | deliveries received / expected | missing | duplicates | dropped streams | CPU ms/post: server + PG | peak RSS MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${s.connected.toLocaleString('en')} / ${s.clients.toLocaleString('en')} | ${s.postsOk} / ${s.posts} (${s.rate}/s) | ` +
      `${s.received.toLocaleString('en')} / ${s.expected.toLocaleString('en')} | ${missing.toLocaleString('en')} | ${s.duplicates} | ` +
      `${s.closedEarly} | ${cpu} | ${s.rssMb.toFixed(0)} |`,
    '',
    '| latency, from | p50 ms | p95 ms | p99 ms | max ms | budget |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    row('the POST sent', s.fromSend, `p99 ≤ ${FANOUT_BUDGET_MS} ms ${fanoutPasses(s) ? '✅' : '❌'}`),
    row("the POST's response", s.fromAnswer, '—'),
  ].join('\n');
}

/**
 * Puts an empty `<!-- bench:<key> -->` block at the end of results.md's "Latest runs" section
 * (before the next `## ` heading) if it has none, so that writeResults fills it there rather
 * than appending it after the findings.
 */
export function ensureResultsBlock(path: string, key: string): void {
  const text = readFileSync(path, 'utf8');
  if (text.includes(`<!-- bench:${key} -->`)) return;
  const latest = text.indexOf('## Latest runs');
  const next = latest >= 0 ? text.indexOf('\n## ', latest + 1) : -1;
  if (next < 0) return; // writeResults appends it at the end.
  const block = `<!-- bench:${key} -->\n<!-- /bench:${key} -->\n\n`;
  writeFileSync(path, text.slice(0, next + 1) + block + text.slice(next + 1));
}

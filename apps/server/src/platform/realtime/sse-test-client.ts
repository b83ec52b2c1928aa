/**
 * A Server-Sent Events reader for tests: a real HTTP connection (fetch), parsed as a
 * browser's EventSource would, so the tests see exactly the bytes a browser would.
 */
export type SseEvent = { event: string; data: string; id: string | undefined; receivedAt: number };

type Waiter = { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export class SseTestClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  retry: number | undefined;
  status = 0;
  headers = new Headers();
  private readonly abort = new AbortController();
  private waiters: Waiter[] = [];
  private buffer = '';
  private ended = false;
  private signalReady!: () => void;
  /** Resolves once the server's first line (`retry:`) arrived: from then on, it is subscribed. */
  readonly ready = new Promise<void>((resolve) => {
    this.signalReady = resolve;
  });
  /** Resolves when the server ends the stream. */
  readonly closed: Promise<void>;

  constructor(url: string, headers: Record<string, string>) {
    this.closed = this.read(url, headers);
  }

  /** The first event (already received or still to come) that matches, or a timeout error. */
  next(match: (e: SseEvent) => boolean, timeoutMs = 3_000): Promise<SseEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`no matching event within ${timeoutMs} ms; got: ${this.events.map((e) => e.event).join(', ') || 'nothing'}`));
      }, timeoutMs);
      this.waiters.push({ match, resolve, reject, timer });
    });
  }

  close() {
    this.abort.abort();
    return this.closed;
  }

  private async read(url: string, headers: Record<string, string>) {
    try {
      const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.abort.signal });
      this.status = res.status;
      this.headers = res.headers;
      if (!res.ok || !res.body) {
        this.signalReady();
        return;
      }
      const decoder = new TextDecoder();
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.parse(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    } finally {
      this.ended = true;
      this.signalReady();
      for (const w of this.waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('the stream ended'));
      }
      this.waiters = [];
    }
  }

  private parse(text: string) {
    this.buffer += text;
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.dispatch(block);
      end = this.buffer.indexOf('\n\n');
    }
  }

  private dispatch(block: string) {
    let event = 'message';
    const data: string[] = [];
    let id: string | undefined;
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === '') this.comments.push(value);
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'retry') {
        this.retry = Number(value);
        this.signalReady();
      }
    }
    if (data.length === 0 || this.ended) return;
    const received: SseEvent = { event, data: data.join('\n'), id, receivedAt: performance.now() };
    this.events.push(received);
    for (const w of this.waiters.filter((w) => w.match(received))) {
      clearTimeout(w.timer);
      w.resolve(received);
    }
    this.waiters = this.waiters.filter((w) => !w.match(received));
  }
}

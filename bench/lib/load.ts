import autocannon from 'autocannon';

/** One request of a scenario: the path (and for writes, the method and body) to send next. */
export type NextRequest = () => { path: string; method?: 'GET' | 'POST'; body?: string };

export type LoadOptions = {
  port: number;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  next: NextRequest;
};

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * Drives the server with autocannon for a fixed time and keeps every response's latency, so
 * that p95 is exact (autocannon's own summary has p90 and p97.5, not p95).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers ?? {},
    requests: [
      {
        setupRequest: (request) => {
          const next = options.next();
          return { ...request, path: next.path, method: next.method ?? 'GET', ...(next.body !== undefined && { body: next.body }) };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (stats as { count: number }).count;
  return {
    requests: latencies.length,
    rps: latencies.length / options.durationSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}

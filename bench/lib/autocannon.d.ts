// The parts of autocannon's programmatic API that bench/ uses (the package ships no types).
declare module 'autocannon' {
  type Request = { method?: string; path?: string; body?: string; headers?: Record<string, string> };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: { setupRequest?: (request: Request, context: Record<string, unknown>) => Request }[];
  };
  type Result = {
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  type Instance = Promise<Result> & { on(event: 'response', listener: (...args: never[]) => void): void; stop(): void };
  function autocannon(options: Options): Instance;
  export default autocannon;
}

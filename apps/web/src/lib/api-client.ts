import type { Problem } from '@guildhall/shared';

export type FieldError = { field: string; message: string };

/**
 * A failed API call, carrying the server's RFC 9457 problem: `code` is stable and safe to
 * branch on, `detail` is written for people and safe to show them.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** The whole problem body, extension members included (e.g. the current state on a 409). */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  /** The message for a form field; "skills.2" counts as "skills". */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export const hasCode = (error: unknown, code: string): boolean => isApiError(error) && error.code === code;

type QueryValue = string | number | boolean | null | undefined;
type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
};

let unauthorizedHandler: (() => void) | undefined;

/**
 * Called when a session ends under the user's feet (expired, signed out elsewhere). The app
 * decides what that means; keeping the router out of this file keeps it testable.
 */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = undefined;
  };
}

const BASE = '/api/v1';

function toSearch(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && typeof (body as Problem).code === 'string';
}

function toApiError(response: Response, body: unknown): ApiError {
  if (isProblem(body)) {
    return new ApiError(response.status, body.code, body.detail ?? body.title, body.errors ?? [], body as Record<string, unknown>);
  }
  // A proxy or gateway answered instead of Guildhall (502 page, maintenance HTML...).
  const detail =
    response.status >= 500
      ? 'Guildhall is not answering properly right now. Try again in a moment.'
      : 'The request could not be completed.';
  return new ApiError(response.status, `http.${response.status}`, detail);
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${toSearch(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network.unreachable', 'Guildhall could not be reached. Check your connection and try again.');
  }

  if (response.status === 204) return undefined as T;
  const body = await readBody(response);
  if (response.ok) return body as T;

  const error = toApiError(response, body);
  // Only a missing session redirects; a wrong password (auth.invalid_credentials) is also a 401.
  if (error.status === 401 && error.code === 'auth.required') unauthorizedHandler?.();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, { body }),
  /** Most deletes answer 204; some answer the resource as it is afterwards. */
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

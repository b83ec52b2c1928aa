/**
 * Errors the application means to send. `code` is stable and documented for clients;
 * `message` is written for the person reading it. Anything else that escapes a handler is
 * a bug, logged in full and answered with a generic 500 that reveals nothing.
 */
export type FieldError = { field: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    /** Extension members of the problem (RFC 9457 §3.2), e.g. the current state on a version conflict. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, errors?: FieldError[]) => new AppError(400, code, message, errors);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError(401, 'auth.required', message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function problem(status: number, code: string, detail: string, errors?: FieldError[], extensions?: Record<string, unknown>) {
  return {
    ...extensions,
    type: `https://guildhall.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
  };
}

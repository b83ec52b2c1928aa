import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, problem } from '../../errors.ts';

type ValidationIssue = { instancePath: string; message?: string; keyword?: string; params?: Record<string, unknown> };

/** Names each failing field as the client sent it ("email", "skills.2"). */
function fieldErrors(issues: ValidationIssue[], context: string | undefined): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
      return (issue.params.keys as string[]).map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: 'Unknown field',
      }));
    }
    return [{ field: path || context || 'body', message: issue.message ?? 'Invalid value' }];
  });
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
};

/** Turns every failure into RFC 9457 problem+json; only genuine bugs become a 500. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: ReturnType<typeof problem>) => reply.status(status).type('application/problem+json').send(body);

    if (error instanceof AppError) {
      return send(error.status, problem(error.status, error.code, error.message, error.errors, error.extensions));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrors(error.validation as ValidationIssue[], error.validationContext);
      const names = [...new Set(errors.map((e) => e.field))].join(', ');
      return send(400, problem(400, 'validation.failed', `Check these fields: ${names}.`, errors));
    }
    if (error.validation) {
      return send(400, problem(400, 'validation.failed', error.message));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, problem(413, 'request.too_large', 'The request body is too large.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, problem(415, 'request.unsupported_media_type', 'Send JSON (application/json).'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(400, problem(400, 'request.malformed_json', 'The request body is not valid JSON.'));
    }
    if (error.statusCode === 429) {
      return send(429, problem(429, 'rate_limit.exceeded', 'Too many requests; wait a minute and try again.'));
    }
    if (isUniqueViolation(error)) {
      // A race two requests ran at once: the loser is told, as if it had come second.
      return send(409, problem(409, 'conflict.duplicate', 'That already exists.'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = `request.${String(error.code ?? 'invalid').toLowerCase()}`;
      return send(error.statusCode, problem(error.statusCode, code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, problem(500, 'internal', 'Something went wrong on our side. It has been logged.'));
  });
}

import { isApiError } from './api-client';

/** Field name → message, as shown under form inputs. */
export type FieldErrors = Partial<Record<string, string>>;

type Issue = { path: PropertyKey[]; code?: string; minimum?: unknown; message: string };
type SafeParser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
};

function friendly(issue: Issue): string {
  // zod's wording for an empty required string is written for developers.
  if (issue.code === 'too_small' && issue.minimum === 1) return 'This field is required';
  if (issue.code === 'invalid_format' || issue.message.startsWith('Invalid')) return issue.message.replace(/^Invalid input: /, '');
  return issue.message;
}

/**
 * Checks a form against the same zod schema the server uses, so people see a problem before
 * a round trip; the server still has the last word.
 */
export function validate<T>(
  schema: SafeParser<T>,
  values: unknown,
): { data: T; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= friendly(issue);
  }
  return { errors };
}

/** Field errors from a failed request (400 validation.failed and friends), by top-level field. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!isApiError(error)) return {};
  const errors: FieldErrors = {};
  for (const { field, message } of error.errors) {
    const name = field.split('.')[0] ?? field;
    errors[name] ??= message;
  }
  return errors;
}

import { isApiError } from '@/lib/api-client';
import { type FieldErrors, serverFieldErrors } from '@/lib/form';

/**
 * Field errors from a failed save, in plain words beside the field they concern. When the
 * server names a single field, its sentence (e.g. "There is already a page called …") says
 * more than the short field message ("Already taken"), so that is what the field shows.
 */
export function fieldErrorsInWords(error: unknown): FieldErrors {
  const errors = serverFieldErrors(error);
  const fields = Object.keys(errors);
  if (isApiError(error) && error.code !== 'validation.failed' && fields.length === 1 && fields[0]) errors[fields[0]] = error.detail;
  return errors;
}

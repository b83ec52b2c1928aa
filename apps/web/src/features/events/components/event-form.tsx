import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode, isApiError } from '@/lib/api-client';
import { type FieldErrors, serverFieldErrors } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { type EventFormValues, type FormMode, formFieldOf } from '../lib/event-form-values';
import { EventFields } from './event-fields';

const SHOWN_FIELDS = [
  'format',
  'title',
  'description',
  'start',
  'end',
  'timeZone',
  'durationMinutes',
  'rrule',
  'place',
  'videoUrl',
  'capacity',
];

/** The server's field errors, placed beside this form's fields; a capacity below the RSVPs belongs to capacity. */
function errorsFrom(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(serverFieldErrors(error))) errors[formFieldOf(field)] ??= message;
  if (hasCode(error, 'event.capacity_below_going') && isApiError(error)) errors.capacity = error.detail;
  return errors;
}

/** Checks the browser can do before a round trip: the server has the last word on everything else. */
function localErrors(v: EventFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.title.trim()) errors.title = 'Give the session a title';
  if (!v.date) errors.date = 'Pick a date';
  if (!/^\d{2}:\d{2}$/.test(v.time)) errors.time = 'Pick a start time';
  if (typeof v.durationMinutes !== 'number' || v.durationMinutes < 1) errors.durationMinutes = 'How many minutes does it take?';
  if (v.recurrence.repeat !== 'none' && v.recurrence.ends === 'until' && !v.recurrence.until) errors.recurrence = 'Pick the last date';
  return errors;
}

type Props = {
  mode: FormMode;
  initial: EventFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: EventFormValues) => void;
  onCancel: () => void;
  /** Shown instead of the generic error when someone else saved first (409). */
  onReload?: () => void;
  intro?: ReactNode;
};

export function EventForm({ mode, initial, submitLabel, pending, error, onSubmit, onCancel, onReload, intro }: Props) {
  const form = useFormState(initial);
  const { setErrors, reset } = form;
  const conflict = hasCode(error, 'event.version_conflict');

  useEffect(() => setErrors(errorsFrom(error)), [error, setErrors]);
  useEffect(() => reset(initial), [initial, reset]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = localErrors(form.values);
    if (Object.keys(errors).length > 0) return setErrors(errors);
    onSubmit(form.values);
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={760}>
      <form onSubmit={submit} noValidate aria-label={submitLabel}>
        <Stack gap="lg">
          {intro}
          {conflict ? (
            <Alert color="red" variant="light" title="Someone else changed this event" data-testid="version-conflict">
              <Stack gap="sm" align="flex-start">
                <span>
                  It was saved by someone else after you opened this page, so your change was not applied. Reload to see the latest version,
                  then make your change again.
                </span>
                {onReload && (
                  <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onReload}>
                    Reload latest version
                  </Button>
                )}
              </Stack>
            </Alert>
          ) : (
            error !== null &&
            error !== undefined && <ProblemAlert error={error} title="The session was not saved" shownFields={SHOWN_FIELDS} />
          )}
          <EventFields values={form.values} errors={form.errors} onChange={form.set} mode={mode} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

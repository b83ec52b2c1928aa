import { Alert, Button, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';

function messageOf(error: unknown): string {
  if (isApiError(error)) return error.detail;
  return 'Something unexpected happened. Reload the page and try again.';
}

type ProblemAlertProps = {
  error: unknown;
  title?: string;
  /** Fields whose errors the form already shows beside the inputs. */
  shownFields?: readonly string[];
  children?: ReactNode;
};

/** A failed request, explained in the server's words, with any field errors the form does not show. */
export function ProblemAlert({ error, title = 'That did not work', shownFields = [], children }: ProblemAlertProps) {
  if (!error) return null;
  const others = isApiError(error) ? error.errors.filter((e) => !shownFields.includes(e.field.split('.')[0] ?? e.field)) : [];
  const onlyFieldErrors = isApiError(error) && error.errors.length > 0 && others.length === 0;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />} data-testid="problem-alert">
      <Stack gap="xs">
        <Text size="sm">{onlyFieldErrors ? 'Check the highlighted fields.' : messageOf(error)}</Text>
        {others.length > 0 && (
          <List size="sm">
            {others.map((e) => (
              <List.Item key={`${e.field}:${e.message}`}>
                {e.field}: {e.message}
              </List.Item>
            ))}
          </List>
        )}
        {children}
      </Stack>
    </Alert>
  );
}

type ErrorStateProps = {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Pages whose main query failed still need their one h1. */
  headingOrder?: 1 | 2 | 3;
};

/** Stands in for content that could not be loaded. */
export function ErrorState({ error, title = 'This could not be loaded', onRetry, headingOrder = 2 }: ErrorStateProps) {
  return (
    <Stack gap="md" py="lg" data-testid="error-state">
      <Title order={headingOrder} size={headingOrder === 1 ? 'h2' : 'h3'}>
        {title}
      </Title>
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
        {messageOf(error)}
      </Alert>
      {onRetry && (
        <div>
          <Button variant="default" onClick={onRetry}>
            Try again
          </Button>
        </div>
      )}
    </Stack>
  );
}

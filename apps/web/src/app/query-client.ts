import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client';

/** Client errors (4xx) will not fix themselves on retry; network blips and 5xx might. */
const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500);

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** A page-shaped placeholder while a route's data or code loads. */
export function PageLoader({ label = 'Loading…', lines = 4 }: { label?: string; lines?: number }) {
  return (
    <Stack gap="md" aria-busy="true" data-testid="page-loader">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <Skeleton height={34} width="45%" radius="sm" />
      <Skeleton height={16} width="70%" radius="sm" />
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={72} radius="md" />
      ))}
    </Stack>
  );
}

/** Placeholder rows for a list inside an already rendered page. */
export function ListSkeleton({ rows = 3, height = 56 }: { rows?: number; height?: number }) {
  return (
    <Stack gap="sm" aria-busy="true">
      <VisuallyHidden role="status">Loading…</VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={height} radius="md" />
      ))}
    </Stack>
  );
}

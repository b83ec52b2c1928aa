import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageTitle } from './page-title';

type Props = {
  title: string;
  /** Defaults to the heading; set it when the tab should read differently. */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
};

/** The one h1 of a page, with its browser title and optional actions beside it. */
export function PageHeader({ title, documentTitle, description, actions }: Props) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" mb="lg" wrap="wrap">
      <PageTitle title={documentTitle ?? title} />
      <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
        <Title order={1}>{title}</Title>
        {description && (
          <Text c="dimmed" size="md">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

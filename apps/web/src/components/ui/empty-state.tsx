import { EmptyState as MantineEmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  /** Buttons or links that get the person out of the empty state. */
  actions?: ReactNode;
  headingOrder?: 1 | 2 | 3 | 4;
  testId?: string;
};

export function EmptyState({ title, description, icon, actions, headingOrder = 2, testId }: Props) {
  return (
    <MantineEmptyState py="xl" data-testid={testId}>
      {icon && <MantineEmptyState.Indicator>{icon}</MantineEmptyState.Indicator>}
      <MantineEmptyState.Title order={headingOrder}>{title}</MantineEmptyState.Title>
      {description && <MantineEmptyState.Description>{description}</MantineEmptyState.Description>}
      {actions && <MantineEmptyState.Actions>{actions}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}

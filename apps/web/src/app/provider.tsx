import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { meQueryKey } from '@/features/people';
import { onUnauthorized } from '@/lib/api-client';
import { createQueryClient } from './query-client';
import { cssVariablesResolver, theme } from './theme';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  // A session that ends mid-use turns the app signed-out; the auth guard then sends the person to /signin.
  useEffect(() => onUnauthorized(() => queryClient.setQueryData(meQueryKey, null)), [queryClient]);

  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {/* Bottom, so notices never cover the header's navigation and sign-out. No fade: a
          half-transparent notice fails contrast checks (axe) for as long as it animates. */}
      <Notifications position="bottom-right" limit={3} transitionDuration={0} />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

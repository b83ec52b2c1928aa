import { Center, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { useMe } from '@/features/people';
import { safeNext, signInPath } from '@/lib/redirect';

/** Renders its children only for a signed-in person; everyone else is sent to sign in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <Container size="sm" py="xl" component="main">
        <PageTitle title="Loading" />
        <PageLoader lines={2} />
      </Container>
    );
  }
  if (me.isError) {
    return (
      <Center component="main" p="md" mih="60vh">
        <PageTitle title="Unavailable" />
        <ErrorState error={me.error} title="Guildhall is unavailable" headingOrder={1} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (!me.data) return <Navigate to={signInPath(location.pathname, location.search)} replace />;
  return children;
}

/** Sign-in and sign-up are for people who are not signed in yet. */
export function RequireGuest({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.data) {
    const next = new URLSearchParams(location.search).get('next');
    return <Navigate to={safeNext(next)} replace />;
  }
  return children;
}

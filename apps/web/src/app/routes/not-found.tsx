import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageTitle } from '@/components/ui/page-title';

export function NotFoundRoute() {
  return (
    <>
      <PageTitle title="Page not found" />
      <EmptyState
        headingOrder={1}
        title="Page not found"
        description="There is nothing at this address. It may have moved, or the link may be mistyped."
        actions={
          <Button component={Link} to="/">
            Go home
          </Button>
        }
      />
    </>
  );
}

import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';

/** A failed code chunk after a deploy is the usual cause; reloading picks up the new build. */
function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message)) {
    return 'A newer version of Guildhall may have been installed. Reload the page to continue.';
  }
  return 'Something went wrong while showing this page. Reloading usually helps; if it does not, tell your Guildhall admin.';
}

export function RouteError() {
  const error = useRouteError();
  return (
    <Container component="main" size="sm" py="xl">
      <PageTitle title="Something went wrong" />
      <Stack gap="md">
        <Title order={1}>Something went wrong</Title>
        <Text>{describe(error)}</Text>
        <div>
          <Button onClick={() => window.location.reload()}>Reload page</Button>
        </div>
      </Stack>
    </Container>
  );
}

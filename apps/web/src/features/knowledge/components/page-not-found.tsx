import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageTitle } from '@/components/ui/page-title';
import { knowledgePaths } from '../lib/paths';

/** A missing page and someone else's draft answer alike (the API does not tell them apart either). */
export function PageNotFound({ slug }: { slug: string }) {
  return (
    <>
      <PageTitle title="Page not found" />
      <EmptyState
        title="Page not found"
        description="There is no such page here: it may have been deleted or moved, or it is a draft you cannot see."
        actions={
          <Button component={Link} to={knowledgePaths.tab(slug)}>
            Back to Knowledge
          </Button>
        }
        testId="page-not-found"
      />
    </>
  );
}

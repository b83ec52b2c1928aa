import { Badge, Button } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { isApiError } from '@/lib/api-client';
import { useMe } from '../api/get-me';
import { usePerson } from '../api/get-person';
import { ProfileView } from '../components/profile-view';

export function PersonRoute() {
  const { personId = '' } = useParams();
  const person = usePerson(personId);
  const { data: me } = useMe();

  if (person.isPending) return <PageLoader lines={2} />;
  if (person.isError) {
    if (isApiError(person.error) && person.error.status === 404) {
      return (
        <>
          <PageTitle title="Person not found" />
          <EmptyState
            headingOrder={1}
            title="Person not found"
            description="No one has this profile address. The link may be incomplete."
          />
        </>
      );
    }
    return (
      <>
        <PageTitle title="Profile" />
        <ErrorState error={person.error} title="This profile could not be loaded" headingOrder={1} onRetry={() => void person.refetch()} />
      </>
    );
  }

  const p = person.data;
  const isMe = me?.id === p.id;
  return (
    <>
      <PageHeader
        title={p.name}
        description={[p.title, p.team?.name].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            {p.orgRole === 'admin' && (
              <Badge variant="light" color="grape">
                Guildhall admin
              </Badge>
            )}
            {isMe && (
              <Button component={Link} to="/profile" variant="default">
                Edit your profile
              </Button>
            )}
          </>
        }
      />
      <ProfileView profile={p} />
    </>
  );
}

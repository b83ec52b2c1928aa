import { type Community, UpdateCommunityInput } from '@guildhall/shared';
import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useCommunity } from '../api/get-community';
import { useUpdateCommunity } from '../api/update-community';
import { CommunityFields, type CommunityValues } from '../components/community-fields';

const FIELDS = ['name', 'domain', 'category', 'cadence', 'visibility'] as const;

const valuesOf = (c: Community): CommunityValues => ({
  name: c.name,
  domain: c.domain,
  category: c.category,
  cadence: c.cadence,
  visibility: c.visibility,
});

/** Only what changed is sent, so a save never overwrites fields the editor did not touch. */
function changes(from: CommunityValues, to: CommunityValues): Partial<CommunityValues> {
  const patch: Partial<CommunityValues> = {};
  for (const key of Object.keys(to) as (keyof CommunityValues)[]) {
    if (to[key].trim() !== from[key].trim()) Object.assign(patch, { [key]: to[key] });
  }
  return patch;
}

function EditForm({ community, onReloaded }: { community: Community; onReloaded: () => Promise<Community | undefined> }) {
  const navigate = useNavigate();
  const update = useUpdateCommunity(community.slug);
  // The version the editor started from: the server refuses the save if someone saved since.
  const [base, setBase] = useState(community);
  const form = useFormState(valuesOf(community));
  const conflict = hasCode(update.error, 'community.version_conflict');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = changes(valuesOf(base), form.values);
    if (Object.keys(patch).length === 0) return navigate(`/communities/${community.slug}`);
    const { data, errors } = validate(UpdateCommunityInput, { version: base.version, ...patch });
    if (errors) return form.setErrors(errors);
    update.mutate(data, {
      onSuccess: (saved) => {
        notifications.show({ color: 'indigo', title: 'Saved', message: `${saved.name} is up to date.` });
        navigate(`/communities/${saved.slug}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  const reload = async () => {
    const latest = await onReloaded();
    if (!latest) return;
    setBase(latest);
    form.reset(valuesOf(latest));
    update.reset();
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={720}>
      <form onSubmit={submit} noValidate aria-label="Edit community">
        <Stack gap="lg">
          {conflict ? (
            <Alert color="red" variant="light" title="Someone else changed this community" data-testid="version-conflict">
              <Stack gap="sm" align="flex-start">
                <span>
                  It was saved by someone else after you opened this page, so your changes were not applied. Reload to see the latest
                  version, then make your change again.
                </span>
                <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void reload()}>
                  Reload latest version
                </Button>
              </Stack>
            </Alert>
          ) : (
            update.error && <ProblemAlert error={update.error} title="Your changes could not be saved" shownFields={FIELDS} />
          )}
          <CommunityFields values={form.values} errors={form.errors} onChange={form.set} />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={`/communities/${community.slug}`} variant="default">
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function EditCommunityRoute() {
  const { slug = '' } = useParams();
  const community = useCommunity(slug);

  if (community.isPending) return <PageLoader />;
  if (community.isError) {
    const notFound = hasCode(community.error, 'community.not_found');
    return (
      <>
        <PageTitle title={notFound ? 'Community not found' : 'Edit community'} />
        <ErrorState
          error={community.error}
          title={notFound ? 'Community not found' : 'This community could not be loaded'}
          headingOrder={1}
        />
      </>
    );
  }
  const c = community.data;
  if (!c.canManage) {
    return (
      <>
        <PageHeader title={`Edit ${c.name}`} />
        <Alert color="gray" variant="light" title="Only facilitators can edit this community">
          Ask one of its facilitators if something here should change.
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Edit ${c.name}`} description="Changes are visible to everyone who can see the community." />
      <EditForm key={c.id} community={c} onReloaded={async () => (await community.refetch()).data} />
    </>
  );
}

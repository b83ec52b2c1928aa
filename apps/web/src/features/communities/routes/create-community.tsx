import { CreateCommunityInput } from '@guildhall/shared';
import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { serverFieldErrors, validate } from '@/lib/form';
import { slugify } from '@/lib/slugify';
import { useFormState } from '@/lib/use-form-state';
import { useCreateCommunity } from '../api/create-community';
import { CommunityFields, type CommunityValues } from '../components/community-fields';

const FIELDS = ['name', 'slug', 'domain', 'category', 'cadence', 'visibility'] as const;

type FormValues = CommunityValues & { slug: string };

const INITIAL: FormValues = {
  name: '',
  slug: '',
  domain: '',
  category: 'new-technology',
  cadence: 'monthly',
  visibility: 'open',
};

export function CreateCommunityRoute() {
  const navigate = useNavigate();
  const create = useCreateCommunity();
  const form = useFormState(INITIAL);
  // The address follows the name until someone edits it by hand.
  const [slugTouched, setSlugTouched] = useState(false);

  const changeName = (name: string) => {
    form.set('name', name);
    if (!slugTouched) form.set('slug', slugify(name));
  };

  const changeSlug = (slug: string) => {
    setSlugTouched(slug !== '');
    form.set('slug', slug === '' ? slugify(form.values.name) : slug);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(CreateCommunityInput, form.values);
    if (errors) return form.setErrors(errors);
    create.mutate(data, {
      onSuccess: (community) => {
        notifications.show({
          color: 'indigo',
          title: 'Community started',
          message: `You facilitate ${community.name}. Invite your core group next.`,
        });
        navigate(`/communities/${community.slug}`);
      },
      onError: (error) => {
        if (hasCode(error, 'community.slug_taken')) form.setErrors({ slug: 'This address is taken; choose another.' });
        else form.setErrors(serverFieldErrors(error));
      },
    });
  };

  const slugTaken = hasCode(create.error, 'community.slug_taken');

  return (
    <>
      <PageHeader
        title="Start a community"
        description="Start small: a clear focus, a handful of passionate people and a steady rhythm are enough."
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={720}>
        <form onSubmit={submit} noValidate aria-label="Start a community">
          <Stack gap="lg">
            {create.error && !slugTaken && (
              <ProblemAlert error={create.error} title="The community could not be created" shownFields={FIELDS} />
            )}
            <CommunityFields
              values={form.values}
              errors={form.errors}
              onChange={(key, value) => (key === 'name' ? changeName(value as string) : form.set(key, value as FormValues[typeof key]))}
              slugField={
                <TextInput
                  label="Address"
                  description={`Lowercase letters, digits and hyphens. The community will live at /communities/${form.values.slug || '…'}`}
                  required
                  maxLength={60}
                  value={form.values.slug}
                  onChange={(e) => changeSlug(e.currentTarget.value)}
                  error={form.errors.slug}
                  autoCapitalize="none"
                  spellCheck={false}
                />
              }
            />
            <Group justify="flex-end" gap="sm">
              <Button component={Link} to="/communities" variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create community
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

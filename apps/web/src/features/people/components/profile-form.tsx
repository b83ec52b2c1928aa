import { type Me, SENIORITIES, SENIORITY_LABELS, type Seniority, UpdateProfileInput } from '@guildhall/shared';
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useTeams } from '@/features/teams';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useUpdateMe } from '../api/update-me';

// A short name: "Clear team" would also match the field's own label in label-based lookups.
const CLEAR = { 'aria-label': 'Clear' };

// Skills are edited with their levels beside this form (SkillsEditor, PUT /me/skills).
const FIELDS = ['name', 'teamId', 'title', 'seniority', 'bio'] as const;

const SENIORITY_OPTIONS = SENIORITIES.map((value) => ({ value, label: SENIORITY_LABELS[value] }));

const valuesOf = (me: Me) => ({
  name: me.name,
  teamId: me.team?.id ?? null,
  title: me.title ?? '',
  seniority: me.seniority,
  bio: me.bio ?? '',
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function ProfileForm({ me }: { me: Me }) {
  const form = useFormState(valuesOf(me));
  const teams = useTeams();
  const update = useUpdateMe();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const { data, errors } = validate(UpdateProfileInput, {
      ...values,
      title: orNull(values.title),
      bio: orNull(values.bio),
    });
    if (errors) return form.setErrors(errors);
    update.mutate(data, {
      onSuccess: (saved) => {
        form.reset(valuesOf(saved));
        notifications.show({ color: 'indigo', title: 'Profile saved', message: 'Your colleagues now see the update.' });
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  const teamOptions = (teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));

  return (
    <form onSubmit={submit} noValidate aria-label="Edit profile">
      <Stack gap="md">
        {update.error && <ProblemAlert error={update.error} title="Your profile could not be saved" shownFields={FIELDS} />}
        <TextInput
          label="Name"
          required
          maxLength={80}
          autoComplete="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.errors.name}
        />
        <Group grow align="flex-start" gap="md" wrap="wrap">
          <Select
            label="Team"
            placeholder={teams.isPending ? 'Loading teams…' : teamOptions.length ? 'Choose your team' : 'No teams yet'}
            description={teams.isError ? 'Teams could not be loaded.' : undefined}
            data={teamOptions}
            value={form.values.teamId}
            onChange={(value) => form.set('teamId', value)}
            clearable
            clearButtonProps={CLEAR}
            searchable
            nothingFoundMessage="No team by that name"
            error={form.errors.teamId}
            miw={200}
          />
          <Select<Seniority>
            label="Seniority"
            placeholder="Choose"
            data={SENIORITY_OPTIONS}
            value={form.values.seniority}
            onChange={(value) => form.set('seniority', value)}
            clearable
            clearButtonProps={CLEAR}
            error={form.errors.seniority}
            miw={200}
          />
        </Group>
        <TextInput
          label="Job title"
          placeholder="e.g. Site reliability engineer"
          maxLength={80}
          value={form.values.title}
          onChange={(e) => form.set('title', e.currentTarget.value)}
          error={form.errors.title}
        />
        <Textarea
          label="About you"
          description="What you work on and what you would like to learn or share."
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          value={form.values.bio}
          onChange={(e) => form.set('bio', e.currentTarget.value)}
          error={form.errors.bio}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

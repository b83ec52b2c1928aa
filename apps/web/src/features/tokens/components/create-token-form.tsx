import { type CreatedToken, CreateTokenInput } from '@guildhall/shared';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useCreateToken } from '../api/create-token';

export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const form = useFormState({ name: '' });
  const create = useCreateToken();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(CreateTokenInput, form.values);
    if (errors) return form.setErrors(errors);
    create.mutate(data, {
      onSuccess: (token) => {
        form.reset({ name: '' });
        onCreated(token);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create token">
      <Stack gap="sm">
        {create.error && <ProblemAlert error={create.error} title="The token could not be created" shownFields={['name']} />}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Token name"
            description="Say where it will be used, e.g. CI calendar sync."
            required
            maxLength={80}
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.errors.name}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

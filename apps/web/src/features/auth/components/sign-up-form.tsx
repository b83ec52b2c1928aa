import { SignUpInput } from '@guildhall/shared';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useSignUp } from '../api/sign-up';

// Mantine's default toggle label contains "password", which makes the field's label ambiguous.
const REVEAL_TOGGLE = { 'aria-label': 'Show or hide what you typed' };

const FIELDS = ['name', 'email', 'password'] as const;

type Props = { inviteToken?: string; onSignedUp: () => void };

export function SignUpForm({ inviteToken, onSignedUp }: Props) {
  const form = useFormState({ name: '', email: '', password: '' });
  const signUp = useSignUp();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(SignUpInput, { ...form.values, ...(inviteToken && { inviteToken }) });
    if (errors) return form.setErrors(errors);
    signUp.mutate(data, { onSuccess: onSignedUp, onError: (error) => form.setErrors(serverFieldErrors(error)) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign up">
      <Stack gap="md">
        {signUp.error && <ProblemAlert error={signUp.error} title="Could not create your account" shownFields={FIELDS} />}
        <TextInput
          label="Your name"
          autoComplete="name"
          required
          value={form.values.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.errors.name}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={form.values.email}
          onChange={(e) => form.set('email', e.currentTarget.value)}
          error={form.errors.email}
        />
        <PasswordInput
          label="Password"
          visibilityToggleButtonProps={REVEAL_TOGGLE}
          description="At least 10 characters. A passphrase of a few words is easy to remember and hard to guess."
          autoComplete="new-password"
          required
          value={form.values.password}
          onChange={(e) => form.set('password', e.currentTarget.value)}
          error={form.errors.password}
        />
        <Button type="submit" loading={signUp.isPending} fullWidth>
          Sign up
        </Button>
      </Stack>
    </form>
  );
}

import { SignInInput } from '@guildhall/shared';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useSignIn } from '../api/sign-in';

// Mantine's default toggle label contains "password", which makes the field's label ambiguous.
const REVEAL_TOGGLE = { 'aria-label': 'Show or hide what you typed' };

const FIELDS = ['email', 'password'] as const;

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const form = useFormState({ email: '', password: '' });
  const signIn = useSignIn();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = validate(SignInInput, form.values);
    if (errors) return form.setErrors(errors);
    signIn.mutate(data, { onSuccess: onSignedIn, onError: (error) => form.setErrors(serverFieldErrors(error)) });
  };

  const wrongCredentials = hasCode(signIn.error, 'auth.invalid_credentials');

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {signIn.error && (
          <ProblemAlert error={signIn.error} title={wrongCredentials ? 'Sign-in failed' : 'Could not sign in'} shownFields={FIELDS} />
        )}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={form.values.email}
          onChange={(e) => form.set('email', e.currentTarget.value)}
          error={form.errors.email}
        />
        <PasswordInput
          label="Password"
          visibilityToggleButtonProps={REVEAL_TOGGLE}
          autoComplete="current-password"
          required
          value={form.values.password}
          onChange={(e) => form.set('password', e.currentTarget.value)}
          error={form.errors.password}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

import type { SignUpPolicy } from '@guildhall/shared';
import { Alert, Anchor, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useSignUpPolicy } from '../api/get-signup-policy';
import { SignUpForm } from '../components/sign-up-form';

function PolicyNotice({ policy, hasInvite }: { policy: SignUpPolicy; hasInvite: boolean }) {
  if (policy.firstAccount) {
    return (
      <Alert
        variant="light"
        color="indigo"
        icon={<IconInfoCircle aria-hidden />}
        title="You are the first one here"
        data-testid="signup-policy"
      >
        The first account administers this Guildhall: you will be able to create teams and invite colleagues.
      </Alert>
    );
  }
  if (hasInvite) {
    return (
      <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />} title="You have an invite" data-testid="signup-policy">
        Your invite link is applied. If it was made for a specific address, sign up with that address.
      </Alert>
    );
  }
  if (policy.inviteRequired) {
    return (
      <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} title="Who can sign up" data-testid="signup-policy">
        Addresses at <strong>{policy.allowedEmailDomains.join(', ')}</strong> can sign up directly. Anyone else needs an invite link from a
        Guildhall admin.
      </Alert>
    );
  }
  return null;
}

export function SignUpRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const policy = useSignUpPolicy();
  const inviteToken = params.get('invite') ?? undefined;

  return (
    <>
      <PageHeader title="Sign up" documentTitle="Sign up" description="Create your Guildhall account to find and start communities." />
      <Stack gap="md">
        {policy.isPending && <Skeleton height={72} />}
        {policy.isError && <ProblemAlert error={policy.error} title="Could not load the sign-up rules" />}
        {policy.data && <PolicyNotice policy={policy.data} hasInvite={Boolean(inviteToken)} />}
        <Paper withBorder p="lg">
          <SignUpForm inviteToken={inviteToken} onSignedUp={() => navigate('/', { replace: true })} />
        </Paper>
      </Stack>
      <Text size="sm" mt="md" ta="center">
        Already have an account?{' '}
        <Anchor component={Link} to="/signin" fw={600}>
          Sign in
        </Anchor>
      </Text>
    </>
  );
}

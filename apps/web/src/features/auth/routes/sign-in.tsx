import { Anchor, Paper, Text } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { safeNext } from '@/lib/redirect';
import { SignInForm } from '../components/sign-in-form';

export function SignInRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));

  return (
    <>
      <PageHeader title="Sign in" description="Welcome back to Guildhall." />
      <Paper withBorder p="lg">
        <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
      </Paper>
      <Text size="sm" mt="md" ta="center">
        New here?{' '}
        <Anchor component={Link} to="/signup" fw={600}>
          Create an account
        </Anchor>
      </Text>
    </>
  );
}

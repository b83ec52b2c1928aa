import { Anchor, Button, Code, CopyButton, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { PageLoader } from '@/components/ui/page-loader';
import { useMe } from '../api/get-me';
import { ProfileForm } from '../components/profile-form';

export function ProfileRoute() {
  const { data: me } = useMe();
  if (!me) return <PageLoader />;
  const profileUrl = `${window.location.origin}/people/${me.id}`;

  return (
    <>
      <PageHeader
        title="Your profile"
        description="Your team, seniority and skills help communities see their reach across the organisation."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
            <ProfileForm key={me.id} me={me} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" component="section" aria-labelledby="account-heading">
              <Title order={2} size="h4" id="account-heading" mb="sm">
                Account
              </Title>
              <Text size="sm">
                Signed in as <strong>{me.email}</strong>
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {me.orgRole === 'admin' ? 'You administer this Guildhall.' : 'Member of this Guildhall.'}
              </Text>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="share-heading">
              <Title order={2} size="h4" id="share-heading" mb="xs">
                Your profile link
              </Title>
              <Text size="sm" mb="sm">
                Facilitators invite people to private communities with this link.
              </Text>
              <Code block data-testid="profile-link" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {profileUrl}
              </Code>
              <Group mt="sm" gap="sm">
                <CopyButton value={profileUrl}>
                  {({ copied, copy }) => (
                    <Button
                      variant="default"
                      size="xs"
                      onClick={copy}
                      leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                    >
                      {copied ? 'Copied' : 'Copy profile link'}
                    </Button>
                  )}
                </CopyButton>
                <Anchor component={Link} to={`/people/${me.id}`} size="sm">
                  See it as others do
                </Anchor>
              </Group>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

import { Anchor, Button, Code, CopyButton, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { ListSkeleton, PageLoader } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { useMe } from '../api/get-me';
import { usePerson } from '../api/get-person';
import { ProfileForm } from '../components/profile-form';
import { SkillsEditor } from '../components/skills-editor';

/** The declared skills with their levels live on the profile the others see. */
function AskMeAbout({ personId }: { personId: string }) {
  const profile = usePerson(personId);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="ask-me-heading">
      <Title order={2} size="h4" id="ask-me-heading">
        Ask me about
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Topics colleagues may ask you about, and how well you know each. "Who can help with…?" lists you for them, beside what your answers
        show.
      </Text>
      {profile.isPending ? (
        <ListSkeleton rows={2} height={36} />
      ) : profile.isError ? (
        <ErrorState error={profile.error} title="Your skills could not be loaded" headingOrder={3} onRetry={() => void profile.refetch()} />
      ) : (
        <SkillsEditor key={JSON.stringify(profile.data.skillLevels)} initial={profile.data.skillLevels} />
      )}
    </Paper>
  );
}

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
          <Stack gap="lg">
            <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
              <ProfileForm key={me.id} me={me} />
            </Paper>
            <AskMeAbout personId={me.id} />
          </Stack>
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

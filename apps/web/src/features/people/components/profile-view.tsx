import { type Profile, SENIORITY_LABELS } from '@guildhall/shared';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '@/lib/format';

/** What anyone signed in sees of a person. */
export function ProfileView({ profile }: { profile: Profile }) {
  const facts: [string, string][] = [
    ['Team', profile.team?.name ?? 'Not set'],
    ['Seniority', profile.seniority ? SENIORITY_LABELS[profile.seniority] : 'Not set'],
    ['Job title', profile.title ?? 'Not set'],
    ['On Guildhall since', formatDate(profile.createdAt)],
  ];
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="about-heading">
        <Title order={2} size="h4" id="about-heading" mb="sm">
          About
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={6} m={0} data-testid="profile-facts">
          {facts.map(([term, value]) => (
            <div key={term}>
              <Text component="dt" size="sm" c="dimmed">
                {term}
              </Text>
              <Text component="dd" size="sm" fw={500} m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {profile.bio && (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }} data-testid="profile-bio">
            {profile.bio}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="skills-heading">
        <Title order={2} size="h4" id="skills-heading" mb="sm">
          Skills
        </Title>
        {profile.skills.length === 0 ? (
          <Text size="sm" c="dimmed">
            No skills listed yet.
          </Text>
        ) : (
          <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {profile.skills.map((skill) => (
              <li key={skill}>
                <Badge variant="light" color="indigo" tt="none">
                  {skill}
                </Badge>
              </li>
            ))}
          </Group>
        )}
      </Paper>
    </Stack>
  );
}

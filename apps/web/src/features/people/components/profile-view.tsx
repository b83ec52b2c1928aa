import { type PersonProfile, type Role, SENIORITY_LABELS, SKILL_LEVEL_LABELS } from '@guildhall/shared';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, plural } from '@/lib/format';
import { DerivedExpertiseList } from './derived-expertise';
import { EvidenceList } from './evidence-list';

const ROLE_LABELS: Record<Role, string> = { facilitator: 'Facilitator', core: 'Core group', member: 'Member' };

function Facts({ facts, testId }: { facts: [string, string][]; testId: string }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={6} m={0} data-testid={testId}>
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
  );
}

/** What anyone signed in sees of a person: where they work, where they take part, what they can help with. */
export function ProfileView({ profile }: { profile: PersonProfile }) {
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
        <Facts facts={facts} testId="profile-facts" />
        {profile.bio && (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }} data-testid="profile-bio">
            {profile.bio}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="communities-heading">
        <Title order={2} size="h4" id="communities-heading" mb="sm">
          Communities
        </Title>
        {profile.communities.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not in any community you can see.
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="profile-communities">
            {profile.communities.map((c) => (
              <Group key={c.slug} component="li" gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/communities/${c.slug}`} size="sm" fw={500}>
                  {c.name}
                </Anchor>
                <Badge size="sm" variant="light" color={c.role === 'member' ? 'gray' : 'indigo'} tt="none">
                  {ROLE_LABELS[c.role]}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="contributions-heading">
        <Title order={2} size="h4" id="contributions-heading" mb="sm">
          Contributions
        </Title>
        <Facts
          facts={[
            ['Accepted answers', plural(profile.acceptedAnswers, 'answer')],
            ['Talks given', plural(profile.talksGiven, 'talk')],
            ['Pages written', plural(profile.pagesWritten, 'page')],
          ]}
          testId="profile-contributions"
        />
        {(profile.talks.length > 0 || profile.pages.length > 0) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
            {profile.talks.length > 0 && (
              <Stack gap={6} data-testid="profile-talks">
                <Title order={3} size="h5">
                  Latest talks
                </Title>
                <EvidenceList evidence={profile.talks} label={`Talks given by ${profile.name}`} />
              </Stack>
            )}
            {profile.pages.length > 0 && (
              <Stack gap={6} data-testid="profile-pages">
                <Title order={3} size="h5">
                  Latest pages
                </Title>
                <EvidenceList evidence={profile.pages} label={`Pages written by ${profile.name}`} />
              </Stack>
            )}
          </SimpleGrid>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="skills-heading">
        <Title order={2} size="h4" id="skills-heading" mb="xs">
          Skills
        </Title>
        <Stack gap="md">
          <Stack gap={6}>
            <Title order={3} size="h5">
              Ask me about
            </Title>
            {profile.skillLevels.length === 0 ? (
              <Text size="sm" c="dimmed">
                No skills declared yet.
              </Text>
            ) : (
              <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="declared-skills">
                {profile.skillLevels.map((s) => (
                  <li key={s.skill}>
                    <Badge variant="light" color="indigo" tt="none">
                      {s.skill} · {SKILL_LEVEL_LABELS[s.level as 1 | 2 | 3].toLowerCase()}
                    </Badge>
                  </li>
                ))}
              </Group>
            )}
          </Stack>
          <Stack gap={6}>
            <Title order={3} size="h5">
              Shown by their activity
            </Title>
            <DerivedExpertiseList personId={profile.id} />
          </Stack>
        </Stack>
      </Paper>
    </Stack>
  );
}

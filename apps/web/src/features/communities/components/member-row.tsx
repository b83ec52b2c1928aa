import { type Member, type PersonSummary, type Role, SENIORITY_LABELS } from '@guildhall/shared';
import { Anchor, Avatar, Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** "Senior · Platform team · Staff engineer": what places a person in the organisation. */
export function personFacts(person: PersonSummary): string {
  return [person.title, person.team?.name, person.seniority && SENIORITY_LABELS[person.seniority]].filter(Boolean).join(' · ');
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

type Props = {
  member: Pick<Member, 'person'> & { role?: Role };
  isMe?: boolean;
  children?: ReactNode;
};

/** One person in a member list, with room for actions on the right (or below, on phones). */
export function MemberRow({ member, isMe = false, children }: Props) {
  const { person } = member;
  const facts = personFacts(person);
  return (
    <Group
      component="li"
      justify="space-between"
      gap="sm"
      py="xs"
      wrap="wrap"
      data-testid="member-row"
      data-person-id={person.id}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 14rem' }}>
        <Avatar color="indigo" radius="xl" size="md" aria-hidden>
          {initials(person.name)}
        </Avatar>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm" truncate>
              {person.name}
            </Anchor>
            {isMe && (
              <Badge size="xs" variant="light" color="gray">
                You
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" truncate>
            {facts || 'No team or seniority given yet'}
          </Text>
        </Stack>
      </Group>
      {children && (
        <Box>
          <Group gap={6} wrap="wrap">
            {children}
          </Group>
        </Box>
      )}
    </Group>
  );
}

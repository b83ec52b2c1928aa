import { type PersonSummary, SENIORITY_LABELS } from '@guildhall/shared';
import { Anchor, Avatar, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** "Staff engineer · Platform · Senior": what places a person in the organisation. */
export function personFacts(person: PersonSummary): string {
  return [person.title, person.team?.name, person.seniority && SENIORITY_LABELS[person.seniority]].filter(Boolean).join(' · ');
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

type Props = {
  person: PersonSummary;
  /** Shown after the name, e.g. badges of what they signalled. */
  extra?: ReactNode;
  size?: 'sm' | 'md';
};

/** A person's avatar, linked name and where they sit in the organisation. */
export function PersonLine({ person, extra, size = 'md' }: Props) {
  const facts = personFacts(person);
  return (
    <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
      <Avatar color="indigo" radius="xl" size={size} aria-hidden>
        {initials(person.name)}
      </Avatar>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm">
            {person.name}
          </Anchor>
          {extra}
        </Group>
        <Text size="xs" c="dimmed" truncate>
          {facts || 'No team or seniority given yet'}
        </Text>
      </Stack>
    </Group>
  );
}

import type { PostAuthor } from '@guildhall/shared';
import { Anchor, Group, Text } from '@mantine/core';
import { IconMask } from '@tabler/icons-react';
import { Link } from 'react-router';

/** A named author links to their profile; an anonymous one is just "Anonymous", with no link to follow. */
export function AuthorName({ author, size = 'sm' }: { author: PostAuthor; size?: 'xs' | 'sm' }) {
  if (author.anonymous) {
    return (
      <Group gap={4} wrap="nowrap" component="span" data-testid="author-anonymous" style={{ display: 'inline-flex' }}>
        <IconMask size={size === 'xs' ? 14 : 16} aria-hidden />
        <Text span size={size} fw={600}>
          Anonymous
        </Text>
      </Group>
    );
  }
  return (
    <Anchor component={Link} to={`/people/${author.person.id}`} size={size} fw={600} data-testid="author-name">
      {author.person.name}
    </Anchor>
  );
}

/** The author as plain words, for announcements and labels. */
export const authorLabel = (author: PostAuthor) => (author.anonymous ? 'Anonymous' : author.person.name);

import { Badge, Group } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { Link } from 'react-router';

type Props = { tags: string[]; communitySlug: string };

/** Tags as links to the community's threads with that tag. */
export function ThreadTags({ tags, communitySlug }: Props) {
  if (tags.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="thread-tags">
      {tags.map((tag) => (
        <Badge
          key={tag}
          component={Link}
          to={`/communities/${communitySlug}/threads?tag=${encodeURIComponent(tag)}`}
          variant="outline"
          color="gray"
          leftSection={<IconTag size={12} aria-hidden />}
          style={{ cursor: 'pointer', textTransform: 'none' }}
          aria-label={`Threads tagged ${tag}`}
        >
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

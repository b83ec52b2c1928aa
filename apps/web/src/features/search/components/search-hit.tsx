import type { SearchHit } from '@guildhall/shared';
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import { KIND_LABELS } from './kind-labels';
import classes from './search-hit.module.css';

export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const kind = KIND_LABELS[hit.kind];
  return (
    <Card withBorder padding="md" component="article" data-testid="search-hit">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge size="sm" variant="light" color={kind.color}>
            {kind.one}
          </Badge>
          {hit.accepted && (
            <Badge size="sm" variant="light" color="green" leftSection={<IconCheck size={12} aria-hidden />}>
              Accepted answer
            </Badge>
          )}
          {hit.community && (
            <Anchor component={Link} to={`/communities/${hit.community.slug}`} size="sm" c="dimmed">
              {hit.community.name}
            </Anchor>
          )}
        </Group>
        <Anchor component={Link} to={hit.url} fw={600} size="lg" lh={1.3}>
          {hit.title}
        </Anchor>
        {hit.snippet && (
          <Text
            size="sm"
            className={classes.snippet}
            // The server escapes the snippet's text and adds only <mark> around the matches.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped on the server, see above
            dangerouslySetInnerHTML={{ __html: hit.snippet }}
          />
        )}
        <Text size="xs" c="dimmed">
          {hit.kind === 'person'
            ? 'Person'
            : hit.author
              ? `${hit.author.name} · `
              : hit.kind === 'post' || hit.kind === 'thread'
                ? 'Anonymous · '
                : ''}
          {hit.kind !== 'person' && formatDate(hit.createdAt)}
        </Text>
      </Stack>
    </Card>
  );
}

import type { Evidence, EvidenceKind } from '@guildhall/shared';
import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, plural } from '@/lib/format';

const KIND_LABELS: Record<EvidenceKind, string> = {
  'accepted-answer': 'Accepted answer',
  answer: 'Answer',
  reaction: 'Reactions',
};

const KIND_COLORS: Record<EvidenceKind, string> = { 'accepted-answer': 'violet', answer: 'indigo', reaction: 'gray' };

/** What someone did that makes them worth asking, each linked to where it happened, so a reader can judge. */
export function EvidenceList({ evidence, label }: { evidence: Evidence[]; label: string }) {
  if (evidence.length === 0) return null;
  return (
    <List spacing={4} size="sm" listStyleType="none" aria-label={label} data-testid="evidence">
      {evidence.map((e) => (
        <List.Item key={`${e.kind}:${e.postId}`}>
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color={KIND_COLORS[e.kind]} tt="none">
              {e.kind === 'reaction' ? plural(e.count, 'reaction') : KIND_LABELS[e.kind]}
            </Badge>
            <Anchor component={Link} to={`/threads/${e.threadId}`} size="sm">
              {e.threadTitle}
            </Anchor>
            <Text span size="xs" c="dimmed">
              in {e.community.name} · {formatDate(e.at)}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

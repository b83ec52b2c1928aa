import type { Evidence, EvidenceKind } from '@guildhall/shared';
import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { occurrenceHref } from '@/features/events';
import { knowledgePaths } from '@/features/knowledge';
import { formatDate, plural } from '@/lib/format';

const KIND_LABELS: Record<EvidenceKind, string> = {
  'accepted-answer': 'Accepted answer',
  answer: 'Answer',
  reaction: 'Reactions',
  talk: 'Talk',
  page: 'Page',
};

const KIND_COLORS: Record<EvidenceKind, string> = {
  'accepted-answer': 'violet',
  answer: 'indigo',
  reaction: 'gray',
  talk: 'teal',
  page: 'blue',
};

/** Where a piece of evidence can be seen: the thread, the session or the page. */
export function evidenceHref(e: Evidence): string {
  switch (e.source.type) {
    case 'post':
      return `/threads/${e.source.threadId}`;
    case 'talk':
      return occurrenceHref(e.source.eventId, e.source.occurrenceKey);
    case 'page':
      return knowledgePaths.page(e.community.slug, e.source.pageId);
  }
}

const evidenceKey = (e: Evidence) =>
  `${e.kind}:${e.source.type === 'post' ? e.source.postId : e.source.type === 'talk' ? e.source.slotId : e.source.pageId}`;

/** What someone did that makes them worth asking, each linked to where it happened, so a reader can judge. */
export function EvidenceList({ evidence, label }: { evidence: Evidence[]; label: string }) {
  if (evidence.length === 0) return null;
  return (
    <List spacing={4} size="sm" listStyleType="none" aria-label={label} data-testid="evidence">
      {evidence.map((e) => (
        <List.Item key={evidenceKey(e)}>
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color={KIND_COLORS[e.kind]} tt="none">
              {e.kind === 'reaction' ? plural(e.count, 'reaction') : KIND_LABELS[e.kind]}
            </Badge>
            <Anchor component={Link} to={evidenceHref(e)} size="sm">
              {e.title}
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

/** "1 accepted answer · 2 talks · 1 page · 3 answers · 5 reactions", leaving out what is zero. */
export function countsSummary(counts: { acceptedAnswers: number; answers: number; reactions: number; talks: number; pages: number }) {
  return [
    counts.acceptedAnswers && plural(counts.acceptedAnswers, 'accepted answer'),
    counts.talks && plural(counts.talks, 'talk'),
    counts.pages && plural(counts.pages, 'page'),
    counts.answers && plural(counts.answers, 'answer'),
    counts.reactions && plural(counts.reactions, 'reaction'),
  ]
    .filter(Boolean)
    .join(' · ');
}

import type { Reading, ReadingKind } from '@guildhall/shared';
import { Anchor, Button, Card, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors } from '@/lib/form';
import { useChangeReading, useReadings } from '../api/readings';
import { TintBadge } from './tint-badge';
import { VoteButton } from './vote-button';

export const READING_KIND_LABELS: Record<ReadingKind, string> = {
  article: 'Article',
  paper: 'Paper',
  'book-chapter': 'Book chapter',
  talk: 'Talk',
};

function SuggestReading({ slug, onDone }: { slug: string; onDone: () => void }) {
  const change = useChangeReading(slug);
  const [kind, setKind] = useState<ReadingKind>('article');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const errors = serverFieldErrors(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ kind: 'suggest', input: { kind, url, title, why } }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Suggest a reading" noValidate>
        <Stack gap="sm">
          <Select
            label="Kind"
            data={Object.entries(READING_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={(v) => v && setKind(v as ReadingKind)}
            allowDeselect={false}
          />
          <TextInput
            label="Link"
            required
            type="url"
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
          />
          <TextInput
            label="Title"
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="Why read it"
            autosize
            minRows={2}
            maxLength={2000}
            value={why}
            onChange={(e) => setWhy(e.currentTarget.value)}
            error={errors.why}
          />
          {change.error && <ProblemAlert error={change.error} shownFields={['url', 'title', 'why']} title="The reading was not added" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Suggest
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ReadingCard({
  reading,
  slug,
  canVote,
  headingOrder = 4,
}: {
  reading: Reading;
  slug: string;
  canVote: boolean;
  headingOrder?: 3 | 4;
}) {
  const change = useChangeReading(slug);
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`reading-${reading.id}`} data-testid="reading">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <VoteButton
          votes={reading.votes}
          mine={reading.myVote}
          what={reading.title}
          disabled={!canVote}
          loading={change.isPending}
          onToggle={(on) => change.mutate({ kind: 'vote', readingId: reading.id, on })}
        />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={headingOrder} size="h5" id={`reading-${reading.id}`}>
              <Anchor href={reading.url} target="_blank" rel="noopener noreferrer">
                {reading.title} <IconExternalLink size={14} aria-label="(opens in a new tab)" />
              </Anchor>
            </Title>
            <TintBadge color="blue">{READING_KIND_LABELS[reading.kind]}</TintBadge>
          </Group>
          {reading.why && <Text size="sm">{reading.why}</Text>}
          {reading.suggestedBy && (
            <Text size="xs" c="dimmed">
              Suggested by {reading.suggestedBy.name}
            </Text>
          )}
          {change.error && <ProblemAlert error={change.error} />}
        </Stack>
      </Group>
    </Card>
  );
}

/** The journal club's reading list: members suggest articles, papers, chapters and talks, and vote. */
export function ReadingList({ slug, canContribute, limit }: { slug: string; canContribute: boolean; limit?: number }) {
  const readings = useReadings(slug);
  const [suggesting, setSuggesting] = useState(false);
  const shown = limit ? readings.data?.slice(0, limit) : readings.data;
  return (
    <Stack gap="md" data-testid="reading-list">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h4">
            Reading list
          </Title>
          <Text size="sm" c="dimmed">
            What the journal club could read next; the most wanted go first.
          </Text>
        </Stack>
        {canContribute && !suggesting && (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setSuggesting(true)}>
            Suggest a reading
          </Button>
        )}
      </Group>
      {suggesting && <SuggestReading slug={slug} onDone={() => setSuggesting(false)} />}
      {readings.isPending ? (
        <ListSkeleton rows={2} height={72} />
      ) : readings.isError ? (
        <ErrorState error={readings.error} title="The reading list could not be loaded" onRetry={() => void readings.refetch()} />
      ) : !shown || shown.length === 0 ? (
        <EmptyState headingOrder={4} title="Nothing on the list yet" description="Suggest an article, paper, book chapter or talk." />
      ) : (
        <>
          {shown.map((r) => (
            <ReadingCard key={r.id} reading={r} slug={slug} canVote={canContribute} />
          ))}
          {!limit && readings.hasNextPage && (
            <Button variant="default" w="fit-content" onClick={() => void readings.fetchNextPage()} loading={readings.isFetchingNextPage}>
              Show more readings
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

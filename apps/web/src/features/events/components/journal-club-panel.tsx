import type { OccurrenceDetail } from '@guildhall/shared';
import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useDiscussions } from '../api/community-people';
import { useReadings } from '../api/readings';
import { useSaveRecord } from '../api/save-record';
import { ReadingCard, ReadingList } from './reading-list';
import { Section } from './section';

/** Facilitators: which reading this session discusses, and the thread where the talk continues. */
function ChooseReading({ occurrence: o, onDone }: { occurrence: OccurrenceDetail; onDone: () => void }) {
  const readings = useReadings(o.community.slug);
  const discussions = useDiscussions(o.community.slug, true);
  const save = useSaveRecord(o.eventId, o.key);
  const [readingId, setReadingId] = useState<string | null>(o.reading?.id ?? null);
  const [threadId, setThreadId] = useState<string | null>(o.discussionThreadId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ readingId, discussionThreadId: threadId }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} aria-label="Choose the reading">
      <Stack gap="sm">
        <Select
          label="Reading"
          description="From the community’s reading list, most wanted first."
          placeholder={readings.isPending ? 'Loading…' : 'Pick a reading'}
          data={(readings.data ?? []).map((r) => ({ value: r.id, label: `${r.title} (${r.votes} votes)` }))}
          value={readingId}
          onChange={setReadingId}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Discussion thread"
          description="Where the conversation continues before and after the session."
          placeholder={discussions.isPending ? 'Loading…' : 'Pick a thread'}
          data={(discussions.data ?? []).map((t) => ({ value: t.id, label: t.title }))}
          value={threadId}
          onChange={setThreadId}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        {save.error && <ProblemAlert error={save.error} shownFields={[]} />}
        <Group gap="sm" justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Journal clubs: the chosen reading and its discussion thread; the list members suggest from and vote on. */
export function JournalClubPanel({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const [choosing, setChoosing] = useState(false);
  return (
    <Section
      title="The reading"
      testId="journal-club"
      actions={
        o.canManage &&
        !choosing && (
          <Button size="xs" variant="default" onClick={() => setChoosing(true)}>
            {o.reading ? 'Change the reading' : 'Choose the reading'}
          </Button>
        )
      }
    >
      {choosing ? (
        <ChooseReading occurrence={o} onDone={() => setChoosing(false)} />
      ) : (
        <Stack gap="sm">
          {o.reading ? (
            <ReadingCard reading={o.reading} slug={o.community.slug} canVote={o.canTakePart} headingOrder={3} />
          ) : (
            <Text size="sm" c="dimmed">
              Not chosen yet: vote below for what you would like to read.
            </Text>
          )}
          {o.discussionThreadId && (
            <Anchor component={Link} to={`/threads/${o.discussionThreadId}`} size="sm">
              Join the discussion thread
            </Anchor>
          )}
          {!o.reading && <ReadingList slug={o.community.slug} canContribute={o.canTakePart} limit={5} />}
        </Stack>
      )}
    </Section>
  );
}

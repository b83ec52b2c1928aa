import type { OccurrenceDetail } from '@guildhall/shared';
import { Anchor, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { RichText } from '@/components/ui/rich-text';
import { serverFieldErrors } from '@/lib/form';
import { useMyReflection } from '../api/reflections';
import { useSaveRecord } from '../api/save-record';
import type { SessionPhase } from '../lib/seats';
import { MarkdownField } from './markdown-field';
import { ReflectionAggregate } from './reflection-aggregate';
import { ReflectionForm } from './reflection-form';
import { Section } from './section';

function RecordForm({ occurrence: o, onDone }: { occurrence: OccurrenceDetail; onDone: () => void }) {
  const save = useSaveRecord(o.eventId, o.key);
  const [notes, setNotes] = useState(o.notes);
  const [slidesUrl, setSlidesUrl] = useState(o.slidesUrl ?? '');
  const [recordingUrl, setRecordingUrl] = useState(o.recordingUrl ?? '');
  const errors = serverFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ notes, slidesUrl: slidesUrl.trim() || null, recordingUrl: recordingUrl.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} aria-label="Notes and links" noValidate>
      <Stack gap="sm">
        <MarkdownField label="Notes" value={notes} onChange={setNotes} error={errors.notes} minRows={5} />
        <TextInput
          label="Slides link"
          type="url"
          placeholder="https://"
          value={slidesUrl}
          onChange={(e) => setSlidesUrl(e.currentTarget.value)}
          error={errors.slidesUrl}
        />
        <TextInput
          label="Recording link"
          type="url"
          placeholder="https://"
          value={recordingUrl}
          onChange={(e) => setRecordingUrl(e.currentTarget.value)}
          error={errors.recordingUrl}
        />
        {save.error && <ProblemAlert error={save.error} shownFields={['notes', 'slidesUrl', 'recordingUrl']} title="Not saved" />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save notes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MyReflection({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const tookPart = o.myRsvp?.status === 'going' || o.myRsvp?.attended === true;
  const mine = useMyReflection(o.eventId, o.key, tookPart);
  if (!tookPart) {
    return (
      <Text size="sm" c="dimmed">
        Reflections are for the people who took part.
      </Text>
    );
  }
  if (mine.isPending) return <ListSkeleton rows={2} height={48} />;
  if (mine.isError)
    return <ErrorState error={mine.error} title="Your reflection could not be loaded" onRetry={() => void mine.refetch()} />;
  return <ReflectionForm occurrence={o} mine={mine.data} />;
}

/** Notes, slides and recording for everyone; a reflection for each attendee; the aggregate for facilitators. */
export function AfterSession({ occurrence: o, phase }: { occurrence: OccurrenceDetail; phase: SessionPhase }) {
  const [editing, setEditing] = useState(false);
  const started = phase !== 'upcoming';
  const hasRecord = Boolean(o.notesHtml || o.slidesUrl || o.recordingUrl);
  return (
    <Section
      title="After the session"
      testId="after-session"
      actions={
        o.canManage &&
        !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {hasRecord ? 'Edit notes and links' : 'Add notes and links'}
          </Button>
        )
      }
    >
      {editing ? (
        <RecordForm occurrence={o} onDone={() => setEditing(false)} />
      ) : hasRecord ? (
        <Stack gap="xs">
          {o.notesHtml && <RichText html={o.notesHtml} testId="session-notes" />}
          <Group gap="md">
            {o.slidesUrl && (
              <Anchor href={o.slidesUrl} target="_blank" rel="noopener noreferrer" size="sm">
                Slides <IconExternalLink size={12} aria-label="(opens in a new tab)" />
              </Anchor>
            )}
            {o.recordingUrl && (
              <Anchor href={o.recordingUrl} target="_blank" rel="noopener noreferrer" size="sm">
                Recording <IconExternalLink size={12} aria-label="(opens in a new tab)" />
              </Anchor>
            )}
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {started ? 'No notes yet.' : 'Notes, slides and the recording appear here after the session.'}
        </Text>
      )}
      {started && o.status === 'scheduled' && o.canTakePart && (
        <>
          <Divider />
          <MyReflection occurrence={o} />
        </>
      )}
      {started && o.canManage && (
        <>
          <Divider />
          <ReflectionAggregate occurrence={o} />
        </>
      )}
    </Section>
  );
}

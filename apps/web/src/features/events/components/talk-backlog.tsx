import type { TalkIdea } from '@guildhall/shared';
import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { RichText } from '@/components/ui/rich-text';
import { serverFieldErrors } from '@/lib/form';
import { useUpcomingOccurrences } from '../api/get-community-occurrences';
import { occurrenceHref } from '../api/keys';
import { useChangeTalkIdea, useTalkIdeas } from '../api/talk-ideas';
import { formatDay, formatTime } from '../lib/time';
import { MarkdownField } from './markdown-field';
import { TintBadge } from './tint-badge';
import { VoteButton } from './vote-button';

type Props = { slug: string; canContribute: boolean; canManage: boolean };

function ProposeIdea({ slug, onDone }: { slug: string; onDone: () => void }) {
  const change = useChangeTalkIdea(slug);
  const [kind, setKind] = useState<'talk' | 'demo'>('talk');
  const [title, setTitle] = useState('');
  const [abstract, setAbstract] = useState('');
  const errors = serverFieldErrors(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ kind: 'propose', input: { kind, title, abstract } }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Volunteer a talk or demo" noValidate>
        <Stack gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="idea-kind-label">
              Kind
            </Text>
            <SegmentedControl
              aria-labelledby="idea-kind-label"
              value={kind}
              onChange={(v) => setKind(v as 'talk' | 'demo')}
              data={[
                { value: 'talk', label: 'Talk' },
                { value: 'demo', label: 'Demo' },
              ]}
              w="fit-content"
            />
          </Stack>
          <TextInput
            label="Title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <MarkdownField label="What it is about" value={abstract} onChange={setAbstract} error={errors.abstract} minRows={3} />
          {change.error && <ProblemAlert error={change.error} shownFields={['title', 'abstract']} title="Your idea was not added" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Add to the backlog
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ScheduleIdea({ slug, idea, onClose }: { slug: string; idea: TalkIdea; onClose: () => void }) {
  const upcoming = useUpcomingOccurrences(slug);
  const change = useChangeTalkIdea(slug);
  const [session, setSession] = useState<string | null>(null);
  const [duration, setDuration] = useState<number | string>(idea.kind === 'demo' ? 10 : 30);
  const options = (upcoming.data ?? [])
    .filter((o) => o.status === 'scheduled')
    .map((o) => ({ value: `${o.eventId}|${o.key}`, label: `${formatDay(o.startsAt)} ${formatTime(o.startsAt)} — ${o.title}` }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [eventId, occurrenceKey] = (session ?? '').split('|') as [string, string];
    change.mutate(
      {
        kind: 'schedule',
        ideaId: idea.id,
        input: { eventId, occurrenceKey, durationMinutes: typeof duration === 'number' ? duration : null },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <form onSubmit={submit} aria-label={`Schedule ${idea.title}`}>
      <Stack gap="sm">
        <Text size="sm">
          {idea.presenter ? `${idea.presenter.name} will be told it is on the agenda.` : 'It becomes a slot on the agenda.'}
        </Text>
        <Select
          label="Session"
          placeholder={upcoming.isPending ? 'Loading sessions…' : 'Pick a session'}
          data={options}
          value={session}
          onChange={setSession}
          searchable
          nothingFoundMessage="No upcoming sessions: schedule one first"
          required
        />
        <NumberInput label="Slot length (minutes)" min={1} max={600} value={duration} onChange={setDuration} />
        {change.error && <ProblemAlert error={change.error} title="It was not scheduled" />}
        <Group justify="flex-end">
          <Button type="submit" disabled={!session} loading={change.isPending}>
            Put on the agenda
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function IdeaCard({ idea, slug, canContribute, canManage, onSchedule }: Props & { idea: TalkIdea; onSchedule: () => void }) {
  const change = useChangeTalkIdea(slug);
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`idea-${idea.id}`} data-testid="talk-idea">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <VoteButton
          votes={idea.votes}
          mine={idea.myVote}
          what={idea.title}
          disabled={!canContribute}
          loading={change.isPending}
          onToggle={(on) => change.mutate({ kind: 'vote', ideaId: idea.id, on })}
        />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={4} size="h5" id={`idea-${idea.id}`}>
              {idea.title}
            </Title>
            <TintBadge color={idea.kind === 'demo' ? 'grape' : 'indigo'}>{idea.kind === 'demo' ? 'Demo' : 'Talk'}</TintBadge>
          </Group>
          {idea.presenter && (
            <Text size="sm" c="dimmed">
              By {idea.presenter.name}
            </Text>
          )}
          {idea.abstractHtml && <RichText html={idea.abstractHtml} />}
          {idea.scheduled ? (
            <Anchor component={Link} to={occurrenceHref(idea.scheduled.eventId, idea.scheduled.key)} size="sm">
              On the agenda — see the session
            </Anchor>
          ) : (
            canManage && (
              <Button variant="default" size="xs" w="fit-content" onClick={onSchedule}>
                Schedule into a session
              </Button>
            )
          )}
          {change.error && <ProblemAlert error={change.error} />}
        </Stack>
      </Group>
    </Card>
  );
}

/** Members volunteer talks and demos and vote; facilitators put the most wanted on an agenda. */
export function TalkBacklog(props: Props) {
  const { slug, canContribute } = props;
  const ideas = useTalkIdeas(slug);
  const [proposing, setProposing] = useState(false);
  const [scheduling, setScheduling] = useState<TalkIdea | null>(null);

  return (
    <Stack gap="md" data-testid="talk-backlog">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h4">
            Talk ideas
          </Title>
          <Text size="sm" c="dimmed">
            Volunteer a talk or a demo; vote for what you want to hear. Facilitators schedule the most wanted.
          </Text>
        </Stack>
        {canContribute && !proposing && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setProposing(true)}>
            Volunteer a talk or demo
          </Button>
        )}
      </Group>
      {proposing && <ProposeIdea slug={slug} onDone={() => setProposing(false)} />}
      {ideas.isPending ? (
        <ListSkeleton rows={3} height={88} />
      ) : ideas.isError ? (
        <ErrorState error={ideas.error} title="Talk ideas could not be loaded" onRetry={() => void ideas.refetch()} />
      ) : ideas.data.length === 0 ? (
        <EmptyState
          headingOrder={4}
          title="No talk ideas yet"
          description={canContribute ? 'What could you show the others in half an hour?' : 'Join the community to volunteer one.'}
        />
      ) : (
        <>
          {ideas.data.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} {...props} onSchedule={() => setScheduling(idea)} />
          ))}
          {ideas.hasNextPage && (
            <Button variant="default" w="fit-content" onClick={() => void ideas.fetchNextPage()} loading={ideas.isFetchingNextPage}>
              Show more ideas
            </Button>
          )}
        </>
      )}
      <Modal opened={scheduling !== null} onClose={() => setScheduling(null)} title={`Schedule “${scheduling?.title ?? ''}”`}>
        {scheduling && <ScheduleIdea slug={slug} idea={scheduling} onClose={() => setScheduling(null)} />}
      </Modal>
    </Stack>
  );
}

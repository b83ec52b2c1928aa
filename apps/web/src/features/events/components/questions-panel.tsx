import type { OccurrenceDetail, SessionQuestion } from '@guildhall/shared';
import { SESSION_OPENS_EARLY_MINUTES } from '@guildhall/shared';
import { Alert, Anchor, Button, Card, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconMessages } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors } from '@/lib/form';
import { plural } from '@/lib/format';
import { useAskQuestion, useMarkAnswered, useQuestions, useQuestionsToThreads, useVoteQuestion } from '../api/questions';
import type { SessionPhase } from '../lib/seats';
import { roomOpen } from '../lib/session-room';
import { Section } from './section';
import { TintBadge } from './tint-badge';
import { VoteButton } from './vote-button';

/** The same promise anonymous posts make, word for word. */
export const ANONYMITY_PROMISE = 'Your name is hidden from everyone — members, facilitators and admins. Only you can see it’s yours.';

function AskForm({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const ask = useAskQuestion(o.eventId, o.key);
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const errors = serverFieldErrors(ask.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate({ body, anonymous }, { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={submit} aria-label="Ask a question" noValidate>
      <Stack gap="xs">
        <Textarea
          label="Your question"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        <Checkbox
          label="Ask anonymously"
          description={ANONYMITY_PROMISE}
          checked={anonymous}
          onChange={(e) => setAnonymous(e.currentTarget.checked)}
        />
        {ask.error && <ProblemAlert error={ask.error} shownFields={['body']} title="Your question was not posted" />}
        <Group justify="flex-end">
          <Button type="submit" loading={ask.isPending} disabled={!body.trim()}>
            Ask
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function QuestionCard({ occurrence: o, q }: { occurrence: OccurrenceDetail; q: SessionQuestion }) {
  const vote = useVoteQuestion(o.eventId, o.key);
  const answer = useMarkAnswered(o.eventId, o.key);
  const who = q.author.anonymous ? 'Anonymous' : q.author.person.name;
  return (
    <Card withBorder padding="sm" component="li" data-testid="session-question">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <VoteButton
          votes={q.votes}
          mine={q.myVote}
          what="this question"
          disabled={!o.canTakePart}
          loading={vote.isPending}
          onToggle={(on) => vote.mutate({ id: q.id, on })}
        />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {q.body}
          </Text>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {who}
              {q.isMine && ' (you)'}
            </Text>
            {q.answeredAt && (
              <TintBadge size="xs" color="cyan" leftSection={<IconCheck size={10} aria-hidden />}>
                Answered
              </TintBadge>
            )}
            {q.threadId && (
              <Anchor component={Link} to={`/threads/${q.threadId}`} size="xs">
                Continued as a thread
              </Anchor>
            )}
          </Group>
          {(vote.error || answer.error) && <ProblemAlert error={vote.error ?? answer.error} />}
        </Stack>
        {o.canPresent && !q.threadId && (
          <Button
            size="xs"
            variant={q.answeredAt ? 'default' : 'light'}
            loading={answer.isPending}
            onClick={() => answer.mutate({ id: q.id, answered: !q.answeredAt })}
          >
            {q.answeredAt ? 'Not answered' : 'Mark answered'}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** After the session: every question still open becomes a thread, so the community can answer it. */
function ToThreads({ occurrence: o, open }: { occurrence: OccurrenceDetail; open: number }) {
  const toThreads = useQuestionsToThreads(o.eventId, o.key);
  const run = () =>
    toThreads.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({
          color: 'indigo',
          title: r.created > 0 ? `${plural(r.created, 'thread')} started` : 'Nothing new to turn into threads',
          message:
            r.skipped > 0
              ? `${plural(r.skipped, 'question')} stayed here: the people who asked them are no longer members.`
              : 'Each one is in its asker’s name (anonymous ones stay anonymous) and links back to this session.',
        }),
    });
  return (
    <Alert variant="light" color="indigo" icon={<IconMessages aria-hidden />} title={`${plural(open, 'question')} left unanswered`}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">Turn them into question threads of {o.community.name}, so the community can still answer them.</Text>
        <Button size="xs" onClick={run} loading={toThreads.isPending}>
          Turn unanswered questions into threads
        </Button>
        {toThreads.error && <ProblemAlert error={toThreads.error} />}
      </Stack>
    </Alert>
  );
}

/**
 * Live Q&A: attendees ask (optionally anonymously) and upvote; the ranking updates live for the
 * presenter. Asking is for the room: from shortly before the start until the end (`now` ticks).
 */
export function QuestionsPanel({ occurrence: o, phase, now }: { occurrence: OccurrenceDetail; phase: SessionPhase; now: number }) {
  const questions = useQuestions(o.eventId, o.key);
  const open = (questions.data ?? []).filter((q) => !q.answeredAt && !q.threadId).length;
  const asking = roomOpen(o, now);
  return (
    <Section title="Live questions" testId="questions">
      <Text size="sm" c="dimmed" data-testid="questions-hint">
        {asking || phase === 'live'
          ? 'Unanswered questions first, the most votes on top. The list updates live.'
          : phase === 'upcoming'
            ? `Questions open ${SESSION_OPENS_EARLY_MINUTES} minutes before the session starts; then vote for the ones you most want answered.`
            : 'Questions closed when the session ended. Unanswered first, the most votes on top.'}
      </Text>
      {o.canTakePart && asking && <AskForm occurrence={o} />}
      {questions.isPending ? (
        <ListSkeleton rows={2} height={64} />
      ) : questions.isError ? (
        <ErrorState error={questions.error} title="Questions could not be loaded" onRetry={() => void questions.refetch()} />
      ) : questions.data.length === 0 ? (
        <Text size="sm">No questions yet.</Text>
      ) : (
        <Stack gap="xs" component="ol" aria-label="Questions, ranked" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {questions.data.map((q) => (
            <QuestionCard key={q.id} occurrence={o} q={q} />
          ))}
        </Stack>
      )}
      {o.canPresent && phase === 'over' && open > 0 && <ToThreads occurrence={o} open={open} />}
    </Section>
  );
}

import type { OccurrenceDetail } from '@guildhall/shared';
import { Anchor, Button, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { plural } from '@/lib/format';
import { useChallenges, useChangeAgenda } from '../api/agenda';
import { Section } from './section';

/** Problem-solving sessions: the community's open challenges, which facilitators pull into the agenda. */
export function ChallengesPanel({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const challenges = useChallenges(o.eventId, o.key, true);
  const change = useChangeAgenda(o.eventId, o.key);
  const onAgenda = new Set(o.agenda.flatMap((s) => (s.thread ? [s.thread.id] : [])));
  return (
    <Section title="Open challenges" testId="challenges">
      <Text size="sm" c="dimmed">
        Problems members brought to the community that are still open: the material for this session.
      </Text>
      {challenges.isPending ? (
        <ListSkeleton rows={2} height={28} />
      ) : challenges.isError ? (
        <ErrorState error={challenges.error} title="Challenges could not be loaded" onRetry={() => void challenges.refetch()} />
      ) : challenges.data.length === 0 ? (
        <Text size="sm">No open challenges right now. Members can bring one as a challenge thread.</Text>
      ) : (
        <List spacing="xs" listStyleType="none">
          {challenges.data.map((t) => (
            <List.Item key={t.id}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Anchor component={Link} to={`/threads/${t.id}`} size="sm">
                  {t.title}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {plural(t.replyCount, 'reply', 'replies')}
                  </Text>
                </Anchor>
                {o.canManage &&
                  (onAgenda.has(t.id) ? (
                    <Text size="xs" c="dimmed">
                      On the agenda
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      loading={change.isPending && change.variables?.kind === 'add' && change.variables.input.threadId === t.id}
                      onClick={() => change.mutate({ kind: 'add', input: { title: t.title, threadId: t.id } })}
                      aria-label={`Add “${t.title}” to the agenda`}
                    >
                      Add to agenda
                    </Button>
                  ))}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {change.error && <ProblemAlert error={change.error} />}
    </Section>
  );
}

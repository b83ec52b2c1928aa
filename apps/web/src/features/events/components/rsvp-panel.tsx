import type { OccurrenceDetail, RsvpInput } from '@guildhall/shared';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useCheckIn, useRsvp } from '../api/rsvp';
import { describeMyRsvp, describeSeats, isFull, type SessionPhase } from '../lib/seats';
import { Section } from './section';

const ANSWERS: { value: RsvpInput['status']; label: string }[] = [
  { value: 'going', label: 'Going' },
  { value: 'maybe', label: 'Maybe' },
  { value: 'not_going', label: 'Not going' },
];

type Props = { occurrence: OccurrenceDetail; phase: SessionPhase };

/** Going / maybe / not going, the places left and the waitlist, and checking in while the session is on. */
export function RsvpPanel({ occurrence: o, phase }: Props) {
  const rsvp = useRsvp(o.eventId, o.key);
  const checkIn = useCheckIn(o.eventId, o.key);
  const mine = o.myRsvp;
  const full = isFull(o);
  const waiting = mine?.status === 'waitlisted';

  return (
    <Section title="Are you going?" testId="rsvp-panel">
      <Text size="sm" fw={500} data-testid="seats">
        {describeSeats(o)}
      </Text>
      {o.status === 'cancelled' ? (
        <Text size="sm">This session is cancelled.</Text>
      ) : !o.canTakePart ? (
        <Text size="sm">
          <Anchor component={Link} to={`/communities/${o.community.slug}`}>
            Join {o.community.name}
          </Anchor>{' '}
          to RSVP, ask questions and reflect.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={600} data-testid="my-rsvp" aria-live="polite">
            {mine?.attended ? 'You attended' : (describeMyRsvp(mine) ?? 'You have not answered yet')}
          </Text>
          {phase === 'over' ? (
            <Text size="sm" c="dimmed">
              This session is over.
            </Text>
          ) : (
            <>
              <Group gap="xs" role="group" aria-label="Your answer" wrap="wrap">
                {ANSWERS.map((a) => {
                  const pressed = mine?.status === a.value || (a.value === 'going' && waiting);
                  return (
                    <Button
                      key={a.value}
                      variant={pressed ? 'filled' : 'default'}
                      aria-pressed={pressed}
                      loading={rsvp.isPending && rsvp.variables?.status === a.value}
                      disabled={rsvp.isPending}
                      onClick={() => rsvp.mutate({ status: a.value })}
                    >
                      {a.label}
                    </Button>
                  );
                })}
              </Group>
              {full && !waiting && mine?.status !== 'going' && (
                <Text size="sm" c="dimmed">
                  Every place is taken: answering “Going” puts you on the waitlist, and you move up when someone drops out.
                </Text>
              )}
              {waiting && (
                <Text size="sm" c="dimmed">
                  When a place opens up you get it automatically, in the order people joined the waitlist.
                </Text>
              )}
            </>
          )}
          {o.checkInOpen &&
            (mine?.attended ? (
              <Group gap={6}>
                <IconCircleCheck size={18} color="var(--mantine-color-teal-8)" aria-hidden />
                <Text size="sm">You are checked in.</Text>
              </Group>
            ) : (
              <Button variant="light" onClick={() => checkIn.mutate(undefined)} loading={checkIn.isPending} w="fit-content">
                Check in
              </Button>
            ))}
          {rsvp.error && <ProblemAlert error={rsvp.error} title="Your answer was not saved" />}
          {checkIn.error && <ProblemAlert error={checkIn.error} title="You were not checked in" />}
        </Stack>
      )}
    </Section>
  );
}

import type { Attendee, OccurrenceDetail } from '@guildhall/shared';
import { Anchor, Button, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { useAttendees, useMarkAttendance } from '../api/get-attendees';
import type { SessionPhase } from '../lib/seats';
import { Section } from './section';
import { TintBadge } from './tint-badge';

const GROUPS: { status: Attendee['status']; title: string }[] = [
  { status: 'going', title: 'Going' },
  { status: 'waitlisted', title: 'Waitlist' },
  { status: 'maybe', title: 'Maybe' },
];

function PersonLine({ a }: { a: Attendee }) {
  return (
    <Group gap={6} wrap="nowrap">
      {a.waitlistPosition && (
        <Text size="sm" c="dimmed">
          #{a.waitlistPosition}
        </Text>
      )}
      <Anchor component={Link} to={`/people/${a.person.id}`} size="sm">
        {a.person.name}
      </Anchor>
      {a.attended && (
        <TintBadge size="xs" color="cyan">
          Attended
        </TintBadge>
      )}
    </Group>
  );
}

/** Facilitators tick who was there; people who checked themselves in are already ticked. */
function AttendanceForm({ occurrence: o, attendees, onDone }: { occurrence: OccurrenceDetail; attendees: Attendee[]; onDone: () => void }) {
  const mark = useMarkAttendance(o.eventId, o.key);
  const candidates = attendees.filter((a) => a.status !== 'not_going' || a.attended);
  const [present, setPresent] = useState(() => new Set(candidates.filter((a) => a.attended).map((a) => a.person.id)));
  const save = () => {
    const changed = candidates.filter((a) => a.attended !== present.has(a.person.id));
    if (changed.length === 0) return onDone();
    mark.mutate({ attendees: changed.map((a) => ({ personId: a.person.id, attended: present.has(a.person.id) })) }, { onSuccess: onDone });
  };
  return (
    <Stack gap="xs">
      <Checkbox.Group label="Who was there" value={[...present]} onChange={(ids) => setPresent(new Set(ids))}>
        <Stack gap={6} mt={4}>
          {candidates.map((a) => (
            <Checkbox key={a.person.id} value={a.person.id} label={a.person.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      {mark.error && <ProblemAlert error={mark.error} title="Attendance was not saved" />}
      <Group gap="xs">
        <Button size="xs" onClick={save} loading={mark.isPending}>
          Save attendance
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

/** Who is coming (and waiting), for everyone who can read the session; attendance for facilitators. */
export function AttendeeList({ occurrence: o, phase }: { occurrence: OccurrenceDetail; phase: SessionPhase }) {
  const attendees = useAttendees(o.eventId, o.key);
  const [marking, setMarking] = useState(false);
  const canMark = o.canManage && phase !== 'upcoming' && o.status === 'scheduled';
  return (
    <Section
      title="Who’s coming"
      testId="attendees"
      actions={
        canMark &&
        !marking && (
          <Button size="xs" variant="default" onClick={() => setMarking(true)}>
            Mark attendance
          </Button>
        )
      }
    >
      {attendees.isPending ? (
        <ListSkeleton rows={2} height={24} />
      ) : attendees.isError ? (
        <ErrorState error={attendees.error} title="Attendees could not be loaded" onRetry={() => void attendees.refetch()} />
      ) : marking ? (
        <AttendanceForm occurrence={o} attendees={attendees.data} onDone={() => setMarking(false)} />
      ) : attendees.data.filter((a) => a.status !== 'not_going').length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody has answered yet.
        </Text>
      ) : (
        <Stack gap="sm">
          {GROUPS.map((g) => {
            const people = attendees.data.filter((a) => a.status === g.status);
            if (people.length === 0) return null;
            return (
              <Stack gap={4} key={g.status} data-testid={`attendees-${g.status}`}>
                <Title order={3} size="h6">
                  {g.title} ({people.length})
                </Title>
                <List listStyleType="none" spacing={4}>
                  {people.map((a) => (
                    <List.Item key={a.person.id}>
                      <PersonLine a={a} />
                    </List.Item>
                  ))}
                </List>
              </Stack>
            );
          })}
          {o.counts.notGoing > 0 && (
            <Text size="xs" c="dimmed">
              {o.counts.notGoing} can’t make it.
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}

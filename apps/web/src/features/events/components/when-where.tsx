import type { EventSeries, OccurrenceDetail } from '@guildhall/shared';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarDown, IconChevronLeft, IconChevronRight, IconClock, IconMapPin, IconRepeat, IconVideo } from '@tabler/icons-react';
import { Link } from 'react-router';
import { eventIcsUrl } from '../api/calendar-feeds';
import { useNeighbours } from '../api/get-event-occurrences';
import { occurrenceHref } from '../api/keys';
import { describeRecurrence, parseRule } from '../lib/recurrence-rule';
import { describeWhen, formatDay } from '../lib/time';

/** When (in my zone, and the event's when it differs), where, how it recurs, and the sessions before and after. */
export function WhenWhere({ occurrence: o, series }: { occurrence: OccurrenceDetail; series: EventSeries | undefined }) {
  const when = describeWhen(o);
  const neighbours = useNeighbours(o.eventId, o.key, o.recurring ? o.startsAt : undefined);
  const firstDay = series?.start.slice(0, 10);
  return (
    <Stack gap="xs" data-testid="when-where">
      <Group gap={8} wrap="nowrap" align="flex-start">
        <IconClock size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={0}>
          <Text fw={600} data-testid="session-time">
            {when.mine}
          </Text>
          {when.theirs && (
            <Text size="sm" c="dimmed">
              {when.theirs}
            </Text>
          )}
        </Stack>
      </Group>
      {o.place && (
        <Group gap={8} wrap="nowrap">
          <IconMapPin size={18} aria-hidden />
          <Text>{o.place}</Text>
        </Group>
      )}
      {o.videoUrl && (
        <Group gap={8} wrap="nowrap">
          <IconVideo size={18} aria-hidden />
          <Anchor href={o.videoUrl} target="_blank" rel="noopener noreferrer">
            Join the video call
          </Anchor>
        </Group>
      )}
      {series?.rrule && firstDay && (
        <Group gap={8} wrap="nowrap">
          <IconRepeat size={18} aria-hidden />
          <Text size="sm">{describeRecurrence(parseRule(series.rrule, firstDay), firstDay)}</Text>
        </Group>
      )}
      <Group gap="sm" wrap="wrap" mt={4}>
        <Button
          component="a"
          href={eventIcsUrl(o.eventId)}
          download
          variant="default"
          size="xs"
          leftSection={<IconCalendarDown size={14} aria-hidden />}
        >
          Download .ics
        </Button>
        {o.recurring && (
          <Group gap="xs" wrap="nowrap" component="nav" aria-label="Other sessions of this series">
            {neighbours.data?.previous ? (
              <Button
                component={Link}
                to={occurrenceHref(neighbours.data.previous.eventId, neighbours.data.previous.key)}
                variant="subtle"
                size="xs"
                leftSection={<IconChevronLeft size={14} aria-hidden />}
              >
                Previous: {formatDay(neighbours.data.previous.startsAt)}
              </Button>
            ) : null}
            {neighbours.data?.next ? (
              <Button
                component={Link}
                to={occurrenceHref(neighbours.data.next.eventId, neighbours.data.next.key)}
                variant="subtle"
                size="xs"
                rightSection={<IconChevronRight size={14} aria-hidden />}
              >
                Next: {formatDay(neighbours.data.next.startsAt)}
              </Button>
            ) : null}
          </Group>
        )}
      </Group>
    </Stack>
  );
}

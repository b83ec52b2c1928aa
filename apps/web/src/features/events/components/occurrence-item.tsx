import type { Occurrence } from '@guildhall/shared';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMapPin, IconVideo } from '@tabler/icons-react';
import { Link } from 'react-router';
import { occurrenceHref } from '../api/keys';
import { describeSeats } from '../lib/seats';
import { formatDay, formatTimeRange, viewerTimeZone, zoneCity } from '../lib/time';
import classes from './events.module.css';
import { OccurrenceBadges } from './occurrence-badges';

type Props = { occurrence: Occurrence; headingOrder?: 3 | 4 };

/** One session in a list: when (in the viewer's zone), what, where, and how full. */
export function OccurrenceItem({ occurrence: o, headingOrder = 3 }: Props) {
  const viewer = viewerTimeZone();
  const start = new Date(o.startsAt);
  return (
    <Card withBorder padding="sm" component="article" data-testid="occurrence-item" aria-labelledby={`occ-${o.eventId}-${o.key}`}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <div className={classes.dateBlock} aria-hidden>
          <span className={classes.dateMonth}>{start.toLocaleString('en', { month: 'short', timeZone: viewer })}</span>
          <span className={classes.dateDay}>{start.toLocaleString('en', { day: 'numeric', timeZone: viewer })}</span>
        </div>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={headingOrder} size="h5" id={`occ-${o.eventId}-${o.key}`}>
            <Anchor
              component={Link}
              to={occurrenceHref(o.eventId, o.key)}
              c="inherit"
              underline="hover"
              td={o.status === 'cancelled' ? 'line-through' : undefined}
            >
              {o.title}
            </Anchor>
          </Title>
          <Text size="sm">
            {formatDay(o.startsAt, viewer)} · {formatTimeRange(o.startsAt, o.endsAt, viewer)}
            {o.timeZone !== viewer && (
              <Text span size="sm" c="dimmed">
                {' '}
                ({formatTimeRange(o.startsAt, o.endsAt, o.timeZone)} {zoneCity(o.timeZone)})
              </Text>
            )}
          </Text>
          <Group gap="md" wrap="wrap">
            {o.place && (
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={14} aria-hidden />
                <Text size="sm">{o.place}</Text>
              </Group>
            )}
            {o.videoUrl && (
              <Group gap={4} wrap="nowrap">
                <IconVideo size={14} aria-hidden />
                <Text size="sm">Video call</Text>
              </Group>
            )}
            <Text size="sm" c="dimmed" data-testid="seats">
              {describeSeats(o)}
            </Text>
          </Group>
          <OccurrenceBadges occurrence={o} />
        </Stack>
      </Group>
    </Card>
  );
}

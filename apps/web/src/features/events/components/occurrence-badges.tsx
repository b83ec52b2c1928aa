import type { Occurrence } from '@guildhall/shared';
import { Badge, Group } from '@mantine/core';
import { describeMyRsvp, phaseOf } from '../lib/seats';
import { FormatBadge } from './format-badge';
import { TintBadge } from './tint-badge';

/** Format, what became of the session (held, cancelled, moved, live) and my answer. */
export function OccurrenceBadges({ occurrence: o, withFormat = true }: { occurrence: Occurrence; withFormat?: boolean }) {
  const phase = phaseOf(o);
  const mine = describeMyRsvp(o.myRsvp);
  return (
    <Group gap={6} wrap="wrap">
      {withFormat && <FormatBadge format={o.format} />}
      {o.status === 'cancelled' ? (
        <TintBadge color="red" data-testid="status-badge">
          Cancelled
        </TintBadge>
      ) : phase === 'over' ? (
        <TintBadge color="gray" data-testid="status-badge">
          Held
        </TintBadge>
      ) : phase === 'live' ? (
        <Badge variant="filled" color="red" data-testid="status-badge">
          Happening now
        </Badge>
      ) : null}
      {o.moved && o.status !== 'cancelled' && <TintBadge color="violet">Moved</TintBadge>}
      {mine &&
        o.status !== 'cancelled' &&
        (o.myRsvp?.status === 'going' || o.myRsvp?.attended ? (
          <Badge variant="filled" color="indigo" data-testid="my-rsvp-badge">
            {o.myRsvp?.attended ? 'Attended' : mine}
          </Badge>
        ) : (
          <TintBadge color="indigo" data-testid="my-rsvp-badge">
            {mine}
          </TintBadge>
        ))}
    </Group>
  );
}

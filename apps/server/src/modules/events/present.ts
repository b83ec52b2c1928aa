import type { EventSeries, MyRsvp, Occurrence } from '@guildhall/shared';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/policy.ts';
import { addMinutes, toInstant } from '../../platform/time/wall-clock.ts';
import { eventResource } from './event-access.ts';
import type { EventWithCommunity, OccurrenceRow } from './events.repository.ts';
import type { Counts, RsvpRow } from './rsvps.repository.ts';

/** The only place event rows become payloads. */

const NO_COUNTS: Counts = { going: 0, maybe: 0, notGoing: 0, waitlisted: 0, attended: 0 };

export function presentSeries(person: PersonActor, e: EventWithCommunity): EventSeries {
  const resource = eventResource(e);
  return {
    id: e.id,
    community: { id: e.community_id, slug: e.community_slug, name: e.community_name },
    format: e.format,
    title: e.title,
    description: e.description_source,
    descriptionHtml: e.description_html,
    start: e.start_local,
    timeZone: e.tz,
    durationMinutes: e.duration_minutes,
    rrule: e.rrule,
    place: e.place,
    videoUrl: e.video_url,
    capacity: e.capacity,
    splitFromId: e.split_from_id,
    cancelledAt: e.cancelled_at,
    version: e.version,
    createdAt: e.created_at,
    canManage: can(person, 'event.manage', resource),
    canTakePart: can(person, 'event.rsvp', resource),
  };
}

/** What a session is, once its overrides are applied to the series. */
export function effective(e: EventWithCommunity, key: string, row: OccurrenceRow | undefined) {
  const start = row?.start_local ?? key;
  const durationMinutes = row?.duration_minutes ?? e.duration_minutes;
  return {
    start,
    durationMinutes,
    startsAt: toInstant(start, e.tz),
    endsAt: toInstant(addMinutes(start, durationMinutes), e.tz),
    title: row?.title ?? e.title,
    place: row?.place !== undefined && row?.place !== null ? row.place : e.place,
    videoUrl: row?.video_url ?? e.video_url,
    capacity: row?.capacity ?? e.capacity,
    cancelled: e.cancelled_at !== null || (row?.cancelled_at ?? null) !== null,
    moved: row?.start_local != null && row.start_local !== key,
  };
}

export function presentMyRsvp(r: (RsvpRow & { waitlist_position?: number | null }) | undefined): MyRsvp | null {
  if (!r) return null;
  return {
    status: r.status,
    waitlistPosition: r.status === 'waitlisted' ? (r.waitlist_position ?? null) : null,
    attended: r.attended === 1,
    checkedInAt: r.checked_in_at,
  };
}

export function presentOccurrence(
  e: EventWithCommunity,
  key: string,
  row: OccurrenceRow | undefined,
  counts: Counts | undefined,
  mine: (RsvpRow & { waitlist_position?: number | null }) | undefined,
): Occurrence {
  const x = effective(e, key, row);
  return {
    eventId: e.id,
    key,
    community: { id: e.community_id, slug: e.community_slug, name: e.community_name },
    format: e.format,
    title: x.title,
    start: x.start,
    timeZone: e.tz,
    startsAt: x.startsAt.toISOString(),
    endsAt: x.endsAt.toISOString(),
    durationMinutes: x.durationMinutes,
    place: x.place,
    videoUrl: x.videoUrl,
    capacity: x.capacity,
    recurring: e.rrule !== null,
    status: x.cancelled ? 'cancelled' : 'scheduled',
    moved: x.moved,
    counts: counts ?? NO_COUNTS,
    myRsvp: presentMyRsvp(mine),
  };
}

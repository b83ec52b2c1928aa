import ical, { type ICalDayJsStub, ICalEventStatus } from 'ical-generator';
import { addMinutes, toInstant } from '../../platform/time/wall-clock.ts';
import type { EventWithCommunity, OccurrenceRow } from './events.repository.ts';
import { effective } from './present.ts';
import { icalRule } from './recurrence.ts';
import { vtimezone } from './vtimezone.ts';

/**
 * iCalendar text for series, with ical-generator. Each series is one VEVENT with a stable UID
 * (`<event id>@guildhall`), DTSTART in its own zone (TZID + a VTIMEZONE block) and its RRULE;
 * a cancelled session is an EXDATE, and a session moved or edited is a VEVENT of the same UID
 * with RECURRENCE-ID naming its original start. A cancelled series or one-off keeps its
 * VEVENT with STATUS:CANCELLED so subscribed calendars remove it.
 */

const stamp = (local: string) => `${local.replace(/[-:]/g, '')}00`;

/**
 * A local time handed to ical-generator as a day.js-shaped value: with a plain Date it would
 * format TZID times in the server's own zone; this prints the wall-clock time as it is.
 */
function wallClock(local: string, timeZone: string): ICalDayJsStub {
  const text = stamp(local);
  const value: ICalDayJsStub = {
    format: (f) => (f === 'YYYYMMDD' ? text.slice(0, 8) : f === 'HHmmss' ? text.slice(9) : text),
    isValid: () => true,
    toDate: () => toInstant(local, timeZone),
    toJSON: () => toInstant(local, timeZone).toISOString(),
    tz: () => value,
    utc: () => value,
  };
  return value;
}

const isOverride = (r: OccurrenceRow) =>
  r.cancelled_at === null &&
  (r.start_local !== null || r.duration_minutes !== null || r.title !== null || r.place !== null || r.video_url !== null);

export function buildCalendar(name: string, series: EventWithCommunity[], rows: OccurrenceRow[], webOrigin: string): string {
  const years = series.flatMap((s) => [Number(s.start_local.slice(0, 4))]);
  const fromYear = Math.min(new Date().getUTCFullYear(), ...years);
  const toYear = Math.max(new Date().getUTCFullYear() + 1, ...years);
  const calendar = ical({
    name,
    prodId: { company: 'Guildhall', product: 'Guildhall', language: 'EN' },
    // Feeds are re-read by clients on this schedule.
    ttl: 60 * 60,
    timezone: { name: null, generator: (tz) => vtimezone(tz, fromYear, toYear) },
  });
  const byEvent = new Map<string, OccurrenceRow[]>();
  for (const r of rows) byEvent.set(r.event_id, [...(byEvent.get(r.event_id) ?? []), r]);
  for (const s of series) {
    const records = byEvent.get(s.id) ?? [];
    const uid = `${s.id}@guildhall`;
    const url = `${webOrigin}/c/${s.community_slug}/events/${s.id}`;
    const common = {
      id: uid,
      timezone: s.tz,
      description: s.description_source || undefined,
      url,
    };
    if (!s.rrule) {
      const row = records.find((r) => r.occurrence_key === s.start_local);
      const x = effective(s, s.start_local, row);
      calendar.createEvent({
        ...common,
        sequence: s.version + (row?.version ?? 1) - 1,
        start: wallClock(x.start, s.tz),
        end: wallClock(addMinutes(x.start, x.durationMinutes), s.tz),
        summary: x.title,
        location: x.place ?? x.videoUrl ?? undefined,
        status: x.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
      continue;
    }
    const exdates = records.filter((r) => r.cancelled_at !== null).map((r) => stamp(r.occurrence_key));
    const repeating = [`RRULE:${icalRule(s.rrule, s.tz)}`, ...(exdates.length ? [`EXDATE;TZID=${s.tz}:${exdates.join(',')}`] : [])].join(
      '\n',
    );
    calendar.createEvent({
      ...common,
      sequence: s.version,
      start: wallClock(s.start_local, s.tz),
      end: wallClock(addMinutes(s.start_local, s.duration_minutes), s.tz),
      summary: s.title,
      location: s.place ?? s.video_url ?? undefined,
      status: s.cancelled_at ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating,
    });
    if (s.cancelled_at) continue;
    for (const r of records.filter(isOverride)) {
      const x = effective(s, r.occurrence_key, r);
      calendar.createEvent({
        ...common,
        sequence: s.version + r.version,
        recurrenceId: wallClock(r.occurrence_key, s.tz),
        start: wallClock(x.start, s.tz),
        end: wallClock(addMinutes(x.start, x.durationMinutes), s.tz),
        summary: x.title,
        location: x.place ?? x.videoUrl ?? undefined,
        status: ICalEventStatus.CONFIRMED,
      });
    }
  }
  return calendar.toString();
}

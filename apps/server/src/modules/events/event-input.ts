import { badRequest } from '../../errors.ts';
import { renderMarkdown } from '../../platform/markdown/markdown.ts';
import { isLocalTime, isTimeZone, toInstant } from '../../platform/time/wall-clock.ts';
import { canonicalRule } from './recurrence.ts';

/** Validation of timing that a schema cannot express: zones, real local times, end after start, rules. */

export function checkTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) {
    throw badRequest('event.unknown_time_zone', `"${timeZone}" is not a known IANA time zone (e.g. Europe/Berlin).`, [
      { field: 'timeZone', message: 'Unknown time zone' },
    ]);
  }
  return timeZone;
}

export function checkLocal(field: string, local: string): string {
  if (!isLocalTime(local))
    throw badRequest('event.invalid_time', 'That is not a real date and time.', [{ field, message: 'Invalid date or time' }]);
  return local;
}

/** Minutes from start to end as elapsed time (an end across a DST change counts what passes). */
export function durationOf(start: string, timeZone: string, input: { durationMinutes?: number; end?: string }): number {
  if (input.durationMinutes !== undefined) return input.durationMinutes;
  if (input.end === undefined) {
    throw badRequest('event.duration_required', 'Give the session an end or a duration.', [{ field: 'end', message: 'Required' }]);
  }
  const minutes = (toInstant(checkLocal('end', input.end), timeZone).getTime() - toInstant(start, timeZone).getTime()) / 60_000;
  if (minutes <= 0) {
    throw badRequest('event.ends_before_start', 'A session must end after it starts.', [
      { field: 'end', message: 'Must be after the start' },
    ]);
  }
  if (minutes > 24 * 60) throw badRequest('event.too_long', 'Keep a session under a day.', [{ field: 'end', message: 'At most a day' }]);
  return minutes;
}

export function ruleOrNull(rrule: string | null | undefined, start: string, timeZone: string): string | null {
  return rrule ? canonicalRule(rrule, start, timeZone) : null;
}

/** Rendered before a transaction opens, so rendering never holds the database's write lock. */
export const renderDescription = (source: string) => ({
  description_source: source,
  description_html: source.trim() ? renderMarkdown(source) : '',
});

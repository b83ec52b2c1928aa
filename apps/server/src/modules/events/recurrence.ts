import type { Options, RRule as RRuleInstance } from 'rrule';
import * as rruleModule from 'rrule';
import { badRequest } from '../../errors.ts';
import { floating, formatLocal, toInstant } from '../../platform/time/wall-clock.ts';

/**
 * Recurrence by RFC 5545 RRULE, expanded with the `rrule` library in *floating* time: the
 * series' local start (e.g. 12:00) is handed to rrule as if it were UTC, and every result is
 * read back as a local time in the event's zone. That is how wall-clock time survives DST,
 * and it never depends on the server's own zone (rrule's `tzid` option converts through the
 * host's zone, which differs between a laptop and a container).
 *
 * A stored rule is canonical: no DTSTART or TZID (the event row holds both), and UNTIL as a
 * floating local time in the event's zone. The calendar feed turns UNTIL into UTC, as RFC 5545
 * requires when DTSTART carries a TZID.
 */

/**
 * rrule publishes its ES module only through the "module" field, which Node ignores: under
 * Node (tsx, the server) its UMD build arrives as the default export, while Vite (the tests)
 * sees the named exports. Either way, the same classes.
 */
const rrule: typeof rruleModule =
  (rruleModule as { default?: typeof rruleModule }).default?.RRule !== undefined
    ? (rruleModule as unknown as { default: typeof rruleModule }).default
    : rruleModule;
const { Frequency, RRule } = rrule;

/** Occurrences one query may expand per series; a calendar window of two years stays under it. */
export const MAX_OCCURRENCES_PER_QUERY = 500;
/** A COUNT beyond this is not a rhythm but a mistake. */
export const MAX_COUNT = 500;
/** The widest window one query may ask for. */
export const MAX_WINDOW_DAYS = 2 * 366;

const FORBIDDEN_PARTS = /(^|;)(DTSTART|TZID|BYHOUR|BYMINUTE|BYSECOND)=/i;

const invalidRule = (code: string, message: string) => badRequest(code, message, [{ field: 'rrule', message }]);

/**
 * Validates a rule as a person may write it ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", with or
 * without "RRULE:") for a series starting at `startLocal` in `timeZone`, and answers its
 * canonical text. Anything more frequent than daily is refused: sessions are not hourly.
 */
export function canonicalRule(text: string, startLocal: string, timeZone: string): string {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!body || /[\r\n]/.test(body))
    throw invalidRule('event.rule_invalid', 'Write the rule as one RRULE line, e.g. FREQ=WEEKLY;INTERVAL=2.');
  if (FORBIDDEN_PARTS.test(body)) {
    throw invalidRule(
      'event.rule_too_frequent',
      'A rule may not set DTSTART, TZID or times of day: the event has its start and time zone, and recurs at most daily.',
    );
  }
  let options: Partial<Options>;
  try {
    options = RRule.parseString(body);
  } catch {
    throw invalidRule('event.rule_invalid', 'That is not a valid RRULE.');
  }
  if (options.freq === undefined) throw invalidRule('event.rule_invalid', 'A rule needs a FREQ.');
  if (options.freq > Frequency.DAILY) throw invalidRule('event.rule_too_frequent', 'Sessions can recur daily at most.');
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 366)) {
    throw invalidRule('event.rule_invalid', 'INTERVAL must be between 1 and 366.');
  }
  if (options.count != null && (options.count < 1 || options.count > MAX_COUNT)) {
    throw invalidRule('event.rule_unbounded', `COUNT must be between 1 and ${MAX_COUNT}.`);
  }
  if (options.until) options.until = new Date(localUntil(body, options.until, timeZone));
  const canonical = RRule.optionsToString({ ...options, tzid: 'floating' }).replace(/^RRULE:/, '');
  const first = ruleFor(canonical, startLocal).after(new Date(floating(startLocal)), true);
  if (!first) throw invalidRule('event.rule_empty', 'The rule produces no sessions: check UNTIL and COUNT.');
  if (formatLocal(first.getTime()) !== startLocal) {
    throw invalidRule('event.start_not_in_rule', 'The first session must match the rule (e.g. a Thursday for BYDAY=TH).');
  }
  return canonical;
}

/** UNTIL as a floating local time: a date means the end of that day; a UTC time is converted. */
function localUntil(body: string, parsed: Date, timeZone: string): number {
  const raw = /(?:^|;)UNTIL=([0-9TZ]+)/i.exec(body)?.[1] ?? '';
  if (raw.length === 8) return parsed.getTime() + (24 * 60 - 1) * 60_000;
  if (raw.toUpperCase().endsWith('Z')) {
    const local = new Date(parsed.getTime()).toLocaleString('sv-SE', { timeZone }).replace(' ', 'T').slice(0, 16);
    return floating(local);
  }
  return parsed.getTime();
}

export function ruleFor(canonical: string, startLocal: string): RRuleInstance {
  return new RRule({ ...RRule.parseString(canonical), dtstart: new Date(floating(startLocal)) });
}

/** Original local starts of a series between two local times (inclusive), capped. */
export function expandLocal(
  series: { rrule: string | null; start_local: string },
  fromLocal: string,
  toLocal: string,
  cap = MAX_OCCURRENCES_PER_QUERY,
): string[] {
  if (!series.rrule) return series.start_local >= fromLocal && series.start_local <= toLocal ? [series.start_local] : [];
  const dates = ruleFor(series.rrule, series.start_local).between(
    new Date(floating(fromLocal)),
    new Date(floating(toLocal)),
    true,
    (_d, n) => n < cap,
  );
  return dates.map((d) => formatLocal(d.getTime()));
}

/** Whether the series has a session originally starting at this local time. */
export function isOccurrenceOf(series: { rrule: string | null; start_local: string }, key: string): boolean {
  return expandLocal(series, key, key, 1).length === 1;
}

/** How many sessions come before this one (for splitting a COUNT-limited series). */
export function countBefore(series: { rrule: string; start_local: string }, key: string): number {
  return ruleFor(series.rrule, series.start_local)
    .between(new Date(floating(series.start_local)), new Date(floating(key)), true)
    .filter((d) => formatLocal(d.getTime()) < key).length;
}

export const ruleParts = (canonical: string) => RRule.parseString(canonical);

/** The rule with COUNT or UNTIL replaced (splitting a series into two). */
export function withEnd(canonical: string, end: { count: number } | { untilLocal: string } | null): string {
  const { count: _c, until: _u, ...rest } = RRule.parseString(canonical);
  const options: Partial<Options> = { ...rest };
  if (end && 'count' in end) options.count = end.count;
  if (end && 'untilLocal' in end) options.until = new Date(floating(end.untilLocal));
  return RRule.optionsToString({ ...options, tzid: 'floating' }).replace(/^RRULE:/, '');
}

/** The rule for an iCalendar feed: UNTIL in UTC, as RFC 5545 asks when DTSTART has a TZID. */
export function icalRule(canonical: string, timeZone: string): string {
  return canonical.replace(/UNTIL=(\d{8})T(\d{2})(\d{2})\d{2}/, (_m, date: string, hh: string, mm: string) => {
    const local = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${hh}:${mm}`;
    return `UNTIL=${toInstant(local, timeZone).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  });
}

export const FREQUENCY_NAMES = RRule.FREQUENCIES;

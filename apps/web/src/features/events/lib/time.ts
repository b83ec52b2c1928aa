/**
 * Times as people read them. Sessions carry UTC instants (`startsAt`, `endsAt`) and their
 * event's zone; the viewer sees their own zone first, and the event's zone when it differs
 * ("12:00 in Berlin is 11:00 for you"). Calendar days are the viewer's days.
 */

export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = JSON.stringify([options, timeZone ?? '']);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en', { ...options, ...(timeZone && { timeZone }) });
    cache.set(key, f);
  }
  return f;
}

/** "Tue, May 5, 2026" */
export const formatDay = (iso: string, timeZone?: string) =>
  formatter({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }, timeZone).format(new Date(iso));

/** "Tuesday, May 5, 2026" */
export const formatLongDay = (iso: string, timeZone?: string) => formatter({ dateStyle: 'full' }, timeZone).format(new Date(iso));

/** "12:00" (24-hour, as calendars in most teams are read) */
export const formatTime = (iso: string, timeZone?: string) =>
  formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, timeZone).format(new Date(iso));

/** "12:00–13:00" */
export const formatTimeRange = (startsAt: string, endsAt: string, timeZone?: string) =>
  `${formatTime(startsAt, timeZone)}–${formatTime(endsAt, timeZone)}`;

/** "Europe/Berlin" → "Berlin"; "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export const zoneCity = (timeZone: string) => (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');

/** "Tuesday, May 5, 2026 · 12:00–13:00" in the viewer's zone, with the event's zone beside it when it differs. */
export function describeWhen(o: { startsAt: string; endsAt: string; timeZone: string }, viewer = viewerTimeZone()) {
  const mine = `${formatLongDay(o.startsAt, viewer)} · ${formatTimeRange(o.startsAt, o.endsAt, viewer)}`;
  const sameClock = formatTimeRange(o.startsAt, o.endsAt, viewer) === formatTimeRange(o.startsAt, o.endsAt, o.timeZone);
  const sameDay = formatDay(o.startsAt, viewer) === formatDay(o.startsAt, o.timeZone);
  const theirs =
    sameClock && sameDay
      ? null
      : `${sameDay ? '' : `${formatDay(o.startsAt, o.timeZone)} · `}${formatTimeRange(o.startsAt, o.endsAt, o.timeZone)} in ${zoneCity(o.timeZone)} (${o.timeZone})`;
  return { mine, theirs };
}

/** 'YYYY-MM-DD' of an instant, in the viewer's zone (or the one given). */
export function dayKeyOf(iso: string | Date, timeZone?: string): string {
  const parts = formatter({ year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone).formatToParts(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** 'YYYY-MM-DDTHH:mm' of an instant in a zone: the wall-clock form the API takes. */
export function localDateTimeOf(at: Date, timeZone: string): string {
  const parts = formatter(
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    timeZone,
  ).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Every IANA zone the browser knows, the viewer's own first; a short list where Intl cannot tell. */
export function timeZoneNames(): string[] {
  const own = viewerTimeZone();
  const all =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'];
  return [own, ...all.filter((z) => z !== own)];
}

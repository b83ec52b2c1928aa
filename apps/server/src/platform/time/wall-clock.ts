/**
 * Wall-clock time in an IANA zone, with Intl only. Events are stored as the local time people
 * agreed on ("12:00 in Berlin") plus the zone, never as a UTC instant: a bi-weekly lunch stays
 * at 12:00 when the clocks change, and the instant is derived whenever it is needed.
 *
 * A local time is text 'YYYY-MM-DDTHH:mm' (what an HTML datetime-local input sends). It also
 * works as a "floating" epoch value: Date.UTC of its fields, which is how rrule expands rules
 * (see modules/events/recurrence.ts) without ever consulting the server's own zone.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An IANA zone name the runtime knows (aliases such as 'US/Pacific' included). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

export function isLocalTime(text: string): boolean {
  const m = LOCAL.exec(text);
  if (!m) return false;
  const ms = floating(text);
  return formatLocal(ms) === text && Number(m[4]) < 24;
}

/** The local time's fields as an epoch value (the "floating" form rrule works in). */
export function floating(local: string): number {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`not a local time: ${local}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
}

export function formatLocal(floatingMs: number): string {
  return new Date(floatingMs).toISOString().slice(0, 16);
}

export function addMinutes(local: string, minutes: number): string {
  return formatLocal(floating(local) + minutes * 60_000);
}

/** Minutes the zone is ahead of UTC at that instant (Berlin in summer: 120). */
export function offsetMinutes(timeZone: string, instantMs: number): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a local time happens in the zone. In the hour skipped when clocks go forward,
 * the time is read with the offset before the change (02:30 becomes 03:30 summer time), as
 * calendar clients do; in the hour that repeats, the first of the two is taken.
 */
export function toInstant(local: string, timeZone: string): Date {
  const f = floating(local);
  const before = offsetMinutes(timeZone, f - 14 * 3_600_000);
  const first = f - before * 60_000;
  const after = offsetMinutes(timeZone, first);
  if (after === before) return new Date(first);
  const second = f - after * 60_000;
  return new Date(offsetMinutes(timeZone, second) === after ? second : first);
}

export function toLocal(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return formatLocal(ms + offsetMinutes(timeZone, ms) * 60_000);
}

import { offsetMinutes } from '../../platform/time/wall-clock.ts';

/**
 * VTIMEZONE blocks derived from the runtime's own zone data (Intl), so feeds need no
 * timezone package: ical-generator asks for a generator, and this is it.
 *
 * For each year of the range, the zone's transitions are found by sampling the offset daily
 * and bisecting to the minute. Every year but the last becomes explicit observances (exact,
 * whatever the zone's history); the last year's transitions carry a yearly RRULE
 * ("last Sunday of March") so clients stay right for series that run beyond the range. A zone
 * without DST in the range is one STANDARD observance.
 */

type Transition = { at: number; from: number; to: number };

const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function transitionsIn(timeZone: string, year: number): Transition[] {
  const found: Transition[] = [];
  let t = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  let previous = offsetMinutes(timeZone, t);
  for (t += DAY; t <= end; t += DAY) {
    const offset = offsetMinutes(timeZone, t);
    if (offset === previous) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(timeZone, mid) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
const formatOffset = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
/** The local wall time (in the offset before the change) as iCalendar DATE-TIME text. */
const localStamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);

function yearlyRule(localMs: number): string {
  const d = new Date(localMs);
  const day = d.getUTCDate();
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const nth = day + 7 > daysInMonth ? -1 : Math.ceil(day / 7);
  return `FREQ=YEARLY;BYMONTH=${d.getUTCMonth() + 1};BYDAY=${nth}${WEEKDAYS[d.getUTCDay()]}`;
}

function observance(t: Transition, rule: string | null): string[] {
  const kind = t.to > t.from ? 'DAYLIGHT' : 'STANDARD';
  const localBefore = t.at + t.from * 60_000;
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localStamp(localBefore)}`,
    `TZOFFSETFROM:${formatOffset(t.from)}`,
    `TZOFFSETTO:${formatOffset(t.to)}`,
    `TZNAME:UTC${formatOffset(t.to)}`,
    ...(rule ? [`RRULE:${rule}`] : []),
    `END:${kind}`,
  ];
}

export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const years = Array.from({ length: Math.max(1, toYear - fromYear + 1) }, (_, i) => fromYear + i);
  const byYear = years.map((y) => transitionsIn(timeZone, y));
  const all = byYear.flat();
  if (all.length === 0) {
    const offset = offsetMinutes(timeZone, Date.UTC(fromYear, 0, 1));
    lines.push(...observance({ at: Date.UTC(1970, 0, 1) - offset * 60_000, from: offset, to: offset }, null));
  } else {
    const last = byYear[byYear.length - 1] ?? [];
    for (const t of all) {
      const recurring = last.includes(t) && last.length === 2;
      lines.push(...observance(t, recurring ? yearlyRule(t.at + t.from * 60_000) : null));
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

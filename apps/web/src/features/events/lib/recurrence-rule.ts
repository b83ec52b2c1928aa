/**
 * The recurrence builder's model and the RRULE it stands for. The server keeps the rule
 * canonical (no DTSTART: the series has its own start; UNTIL as a local time), so the builder
 * only ever writes FREQ, INTERVAL, BYMONTHDAY, BYDAY, UNTIL and COUNT, and reads them back.
 * A rule it cannot express (say, written through the API with two weekdays) is kept as it is,
 * as a "custom" rule, so editing an event never silently rewrites its rhythm.
 */

export type Repeat = 'none' | 'weekly' | 'monthly-date' | 'monthly-weekday' | 'custom';
export type RepeatEnd = 'never' | 'until' | 'count';
/** 1–4: first to fourth; -1: last. */
export type WeekdayPosition = 1 | 2 | 3 | 4 | -1;

export type Recurrence = {
  repeat: Repeat;
  /** Every N weeks / months. */
  interval: number;
  position: WeekdayPosition;
  ends: RepeatEnd;
  /** 'YYYY-MM-DD', the last day a session may fall on. */
  until: string;
  count: number;
  /** The rule as written, for `custom`. */
  custom: string;
};

export const NO_RECURRENCE: Recurrence = {
  repeat: 'none',
  interval: 1,
  position: 1,
  ends: 'never',
  until: '',
  count: 6,
  custom: '',
};

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS: Record<WeekdayPosition, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** Calendar facts of a 'YYYY-MM-DD' date, computed in UTC so the viewer's zone cannot shift the day. */
export function dateFacts(date: string) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  const weekday = at.getUTCDay();
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    day: d,
    weekday,
    weekdayName: DAY_NAMES[weekday] as string,
    nth: Math.ceil(d / 7),
    isLast: d + 7 > daysInMonth,
  };
}

/** Which "nth weekday of the month" descriptions fit a start date (e.g. the 4th Tuesday that is also the last). */
export function positionsFor(date: string): WeekdayPosition[] {
  const { nth, isLast } = dateFacts(date);
  const positions: WeekdayPosition[] = nth <= 4 ? [nth as WeekdayPosition] : [];
  if (isLast) positions.push(-1);
  return positions;
}

const untilPart = (until: string) => `UNTIL=${until.replaceAll('-', '')}`;

/** The RRULE for the builder's choices and a series starting on `startDate`; null for a one-off. */
export function buildRule(r: Recurrence, startDate: string): string | null {
  if (r.repeat === 'none') return null;
  if (r.repeat === 'custom') return r.custom.trim() || null;
  const parts: string[] = [];
  const facts = dateFacts(startDate);
  if (r.repeat === 'weekly') parts.push('FREQ=WEEKLY');
  else parts.push('FREQ=MONTHLY');
  if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.repeat === 'monthly-date') parts.push(`BYMONTHDAY=${facts.day}`);
  if (r.repeat === 'monthly-weekday') {
    const position = positionsFor(startDate).includes(r.position) ? r.position : (positionsFor(startDate)[0] ?? 1);
    parts.push(`BYDAY=${position}${DAY_CODES[facts.weekday]}`);
  }
  if (r.ends === 'until' && r.until) parts.push(untilPart(r.until));
  if (r.ends === 'count') parts.push(`COUNT=${r.count}`);
  return parts.join(';');
}

function partsOf(rule: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of rule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (key && value !== undefined) map.set(key.toUpperCase(), value.toUpperCase());
  }
  return map;
}

/** The builder's reading of a stored rule; anything it cannot show faithfully stays `custom`. */
export function parseRule(rule: string | null, startDate: string): Recurrence {
  if (!rule) return NO_RECURRENCE;
  const custom: Recurrence = { ...NO_RECURRENCE, repeat: 'custom', custom: rule };
  const parts = partsOf(rule);
  const known = new Set(['FREQ', 'INTERVAL', 'BYMONTHDAY', 'BYDAY', 'UNTIL', 'COUNT', 'WKST']);
  if ([...parts.keys()].some((k) => !known.has(k))) return custom;
  const facts = dateFacts(startDate);
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const until = parts.get('UNTIL');
  const count = parts.get('COUNT');
  const ending: Pick<Recurrence, 'ends' | 'until' | 'count'> = until
    ? { ends: 'until', until: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`, count: NO_RECURRENCE.count }
    : count
      ? { ends: 'count', until: '', count: Number(count) }
      : { ends: 'never', until: '', count: NO_RECURRENCE.count };
  const base = { ...NO_RECURRENCE, interval, ...ending };
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  switch (parts.get('FREQ')) {
    case 'WEEKLY':
      if (byMonthDay || (byDay && byDay !== DAY_CODES[facts.weekday])) return custom;
      return { ...base, repeat: 'weekly' };
    case 'MONTHLY': {
      if (byDay) {
        const match = /^([+-]?\d)([A-Z]{2})$/.exec(byDay);
        const position = Number(match?.[1]) as WeekdayPosition;
        if (!match || byMonthDay || match[2] !== DAY_CODES[facts.weekday] || !positionsFor(startDate).includes(position)) return custom;
        return { ...base, repeat: 'monthly-weekday', position };
      }
      if (byMonthDay && Number(byMonthDay) !== facts.day) return custom;
      return { ...base, repeat: 'monthly-date' };
    }
    default:
      return custom;
  }
}

const longDate = (date: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** "Every 2 weeks on Thursday, 6 times" — what people read next to the builder and on the session page. */
export function describeRecurrence(r: Recurrence, startDate: string): string {
  if (r.repeat === 'none') return 'Once';
  if (r.repeat === 'custom') return `Custom rule: ${r.custom}`;
  const facts = dateFacts(startDate);
  let text: string;
  if (r.repeat === 'weekly') {
    text = r.interval === 1 ? `Weekly on ${facts.weekdayName}` : `Every ${r.interval} weeks on ${facts.weekdayName}`;
  } else {
    const every = r.interval === 1 ? 'Monthly' : `Every ${r.interval} months`;
    text =
      r.repeat === 'monthly-date'
        ? `${every} on day ${facts.day}`
        : `${every} on the ${ORDINALS[positionsFor(startDate).includes(r.position) ? r.position : (positionsFor(startDate)[0] ?? 1)]} ${facts.weekdayName}`;
  }
  if (r.ends === 'until' && r.until) return `${text}, until ${longDate(r.until)}`;
  if (r.ends === 'count') return `${text}, ${r.count === 1 ? 'once' : `${r.count} times`}`;
  return text;
}

export const ordinalLabel = (p: WeekdayPosition) => ORDINALS[p];

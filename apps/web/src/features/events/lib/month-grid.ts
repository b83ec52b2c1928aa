/**
 * Month-view arithmetic on calendar days ('YYYY-MM-DD'), done in UTC so that a daylight-saving
 * change never skips or repeats a day; only the window sent to the API is turned into instants,
 * at the viewer's local midnights. Weeks start on Monday (ISO 8601).
 */

export type DayKey = string;
export type MonthRef = { year: number; month: number /* 0–11 */ };

const pad = (n: number) => String(n).padStart(2, '0');
const toKey = (d: Date): DayKey => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const fromKey = (key: DayKey) => {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

export const monthOfDay = (key: DayKey): MonthRef => {
  const d = fromKey(key);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
};

export const sameMonth = (a: MonthRef, b: MonthRef) => a.year === b.year && a.month === b.month;

export function addDays(key: DayKey, days: number): DayKey {
  const d = fromKey(key);
  d.setUTCDate(d.getUTCDate() + days);
  return toKey(d);
}

export function addMonths(m: MonthRef, months: number): MonthRef {
  const d = new Date(Date.UTC(m.year, m.month + months, 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

/** The same day of another month, or that month's last day when it is shorter (31 Jan → 28 Feb). */
export function shiftMonthKeepingDay(key: DayKey, months: number): DayKey {
  const d = fromKey(key);
  const target = addMonths({ year: d.getUTCFullYear(), month: d.getUTCMonth() }, months);
  const last = new Date(Date.UTC(target.year, target.month + 1, 0)).getUTCDate();
  return toKey(new Date(Date.UTC(target.year, target.month, Math.min(d.getUTCDate(), last))));
}

export const firstOfMonth = (m: MonthRef): DayKey => toKey(new Date(Date.UTC(m.year, m.month, 1)));

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (key: DayKey) => (fromKey(key).getUTCDay() + 6) % 7;

/** The weeks shown for a month: from the Monday on or before the 1st, whole weeks to the month's end (4–6 rows). */
export function monthWeeks(m: MonthRef): DayKey[][] {
  const first = firstOfMonth(m);
  let day = addDays(first, -weekdayIndex(first));
  const weeks: DayKey[][] = [];
  do {
    const week: DayKey[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (sameMonth(monthOfDay(day), m));
  return weeks;
}

/** The instants of the viewer's local midnights that bound the shown weeks, for the API's window. */
export function windowOfWeeks(weeks: DayKey[][]): { from: string; to: string } {
  const first = weeks[0]?.[0] as DayKey;
  const last = weeks[weeks.length - 1]?.[6] as DayKey;
  const local = (key: DayKey) => {
    const [y, m, d] = key.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  };
  return { from: local(first).toISOString(), to: local(addDays(last, 1)).toISOString() };
}

import { describe, expect, it } from 'vitest';
import { addDays, monthWeeks, shiftMonthKeepingDay, weekdayIndex } from './month-grid';

describe('the month grid', () => {
  it('shows whole weeks from Monday, covering the month and no more', () => {
    const may = monthWeeks({ year: 2026, month: 4 });
    expect(may[0]?.[0]).toBe('2026-04-27'); // 1 May 2026 is a Friday
    expect(may[may.length - 1]?.[6]).toBe('2026-05-31');
    expect(may).toHaveLength(5);
    expect(monthWeeks({ year: 2027, month: 1 })).toHaveLength(4); // February 2027 starts on a Monday
    expect(monthWeeks({ year: 2026, month: 7 })).toHaveLength(6); // August 2026 spans six weeks
  });

  it('moves by days and months without skipping across DST or short months', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
    expect(shiftMonthKeepingDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftMonthKeepingDay('2026-03-15', -3)).toBe('2025-12-15');
    expect(weekdayIndex('2026-05-04')).toBe(0);
    expect(weekdayIndex('2026-05-10')).toBe(6);
  });
});

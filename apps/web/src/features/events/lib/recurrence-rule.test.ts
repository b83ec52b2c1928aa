import { describe, expect, it } from 'vitest';
import { buildRule, describeRecurrence, NO_RECURRENCE, parseRule, positionsFor, type Recurrence } from './recurrence-rule';

const r = (patch: Partial<Recurrence>): Recurrence => ({ ...NO_RECURRENCE, ...patch });

describe('the recurrence builder', () => {
  // 2026-05-05 is the first Tuesday of May 2026; 2026-05-26 is its fourth and last.
  it('writes the RRULEs the API takes', () => {
    expect(buildRule(r({ repeat: 'none' }), '2026-05-05')).toBeNull();
    expect(buildRule(r({ repeat: 'weekly' }), '2026-05-05')).toBe('FREQ=WEEKLY');
    expect(buildRule(r({ repeat: 'weekly', interval: 2 }), '2026-05-05')).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(buildRule(r({ repeat: 'monthly-date', ends: 'count', count: 10 }), '2026-05-05')).toBe('FREQ=MONTHLY;BYMONTHDAY=5;COUNT=10');
    expect(buildRule(r({ repeat: 'monthly-weekday', position: 1 }), '2026-05-05')).toBe('FREQ=MONTHLY;BYDAY=1TU');
    expect(buildRule(r({ repeat: 'monthly-weekday', position: -1, ends: 'until', until: '2026-12-31' }), '2026-05-26')).toBe(
      'FREQ=MONTHLY;BYDAY=-1TU;UNTIL=20261231',
    );
  });

  it('only offers the weekday positions a start date is', () => {
    expect(positionsFor('2026-05-05')).toEqual([1]);
    expect(positionsFor('2026-05-26')).toEqual([4, -1]);
    expect(positionsFor('2026-03-31')).toEqual([-1]); // the fifth Tuesday: only "last"
    // A stale choice falls back to one that matches the new start date.
    expect(buildRule(r({ repeat: 'monthly-weekday', position: 3 }), '2026-05-05')).toBe('FREQ=MONTHLY;BYDAY=1TU');
  });

  it('reads back the canonical rules the server stores', () => {
    expect(parseRule('FREQ=WEEKLY;INTERVAL=2', '2026-05-05')).toMatchObject({ repeat: 'weekly', interval: 2, ends: 'never' });
    expect(parseRule('FREQ=MONTHLY;BYDAY=+1TU;COUNT=10', '2026-05-05')).toMatchObject({
      repeat: 'monthly-weekday',
      position: 1,
      ends: 'count',
      count: 10,
    });
    expect(parseRule('FREQ=WEEKLY;UNTIL=20261231T235900', '2026-05-05')).toMatchObject({
      repeat: 'weekly',
      ends: 'until',
      until: '2026-12-31',
    });
    expect(parseRule('FREQ=MONTHLY;BYMONTHDAY=5', '2026-05-05')).toMatchObject({ repeat: 'monthly-date' });
    expect(parseRule('FREQ=WEEKLY;BYDAY=TU', '2026-05-05')).toMatchObject({ repeat: 'weekly' });
  });

  it('keeps a rule it cannot show as it is', () => {
    for (const rule of ['FREQ=WEEKLY;BYDAY=TU,TH', 'FREQ=DAILY', 'FREQ=MONTHLY;BYSETPOS=2;BYDAY=TU', 'FREQ=MONTHLY;BYDAY=2WE']) {
      const parsed = parseRule(rule, '2026-05-05');
      expect(parsed).toMatchObject({ repeat: 'custom', custom: rule });
      expect(buildRule(parsed, '2026-05-05')).toBe(rule);
    }
  });

  it('says what it means in words', () => {
    expect(describeRecurrence(r({ repeat: 'weekly', interval: 2 }), '2026-05-05')).toBe('Every 2 weeks on Tuesday');
    expect(describeRecurrence(r({ repeat: 'monthly-weekday', position: 1, ends: 'count', count: 6 }), '2026-05-05')).toBe(
      'Monthly on the first Tuesday, 6 times',
    );
    expect(describeRecurrence(r({ repeat: 'monthly-date', interval: 3, ends: 'until', until: '2027-01-31' }), '2026-05-05')).toBe(
      'Every 3 months on day 5, until January 31, 2027',
    );
    expect(describeRecurrence(r({ repeat: 'none' }), '2026-05-05')).toBe('Once');
  });
});

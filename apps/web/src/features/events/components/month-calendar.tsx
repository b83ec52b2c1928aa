import type { Occurrence } from '@guildhall/shared';
import { ActionIcon, Button, Group, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { type CSSProperties, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/problem-alert';
import { plural } from '@/lib/format';
import { useCommunityOccurrencesIn } from '../api/get-community-occurrences';
import { occurrenceHref } from '../api/keys';
import { FORMAT_COLORS } from '../lib/formats';
import {
  addDays,
  type DayKey,
  monthOfDay,
  monthWeeks,
  sameMonth,
  shiftMonthKeepingDay,
  weekdayIndex,
  windowOfWeeks,
} from '../lib/month-grid';
import { dayKeyOf, formatTime } from '../lib/time';
import classes from './events.module.css';
import { OccurrenceItem } from './occurrence-item';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CHIPS_PER_DAY = 3;

const asDate = (key: DayKey) => new Date(`${key}T12:00:00Z`);
const monthLabel = (key: DayKey) => asDate(key).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayLabel = (key: DayKey) => asDate(key).toLocaleString('en', { dateStyle: 'full', timeZone: 'UTC' });

/** Where the arrow keys take the focus, as in a date picker's grid. */
function dayAfterKey(day: DayKey, key: string): DayKey | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return addDays(day, -weekdayIndex(day));
    case 'End':
      return addDays(day, 6 - weekdayIndex(day));
    case 'PageUp':
      return shiftMonthKeepingDay(day, -1);
    case 'PageDown':
      return shiftMonthKeepingDay(day, 1);
    default:
      return null;
  }
}

/**
 * The month view: a keyboard-navigable grid of days (arrows, Home/End, Page Up/Down) with each
 * day's sessions, and the chosen day's sessions listed in full below it — on a phone the cells
 * only show a dot per session, and that list is where one reads them.
 */
export function MonthCalendar({ slug }: { slug: string }) {
  const today = dayKeyOf(new Date());
  const [selected, setSelected] = useState<DayKey>(today);
  const [focusDay, setFocusDay] = useState<DayKey | null>(null);
  const buttons = useRef(new Map<DayKey, HTMLButtonElement>());
  const labelId = useId();
  const hintId = useId();
  const listId = useId();

  const month = monthOfDay(selected);
  const monthKey = selected.slice(0, 7);
  const weeks = useMemo(() => monthWeeks(monthOfDay(`${monthKey}-01`)), [monthKey]);
  const window = windowOfWeeks(weeks);
  const sessions = useCommunityOccurrencesIn(slug, window.from, window.to);
  const byDay = useMemo(() => {
    const map = new Map<DayKey, Occurrence[]>();
    for (const o of sessions.data ?? []) {
      const day = dayKeyOf(o.startsAt);
      map.set(day, [...(map.get(day) ?? []), o]);
    }
    return map;
  }, [sessions.data]);

  useEffect(() => {
    if (!focusDay) return;
    buttons.current.get(focusDay)?.focus();
    setFocusDay(null);
  }, [focusDay]);

  const go = (day: DayKey, focus = false) => {
    setSelected(day);
    if (focus) setFocusDay(day);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, day: DayKey) => {
    const next = dayAfterKey(day, event.key);
    if (!next) return;
    event.preventDefault();
    go(next, true);
  };

  const selectedSessions = byDay.get(selected) ?? [];
  const inMonth = (sessions.data ?? []).filter((o) => sameMonth(monthOfDay(dayKeyOf(o.startsAt)), month)).length;

  return (
    <Stack gap="md" data-testid="month-view">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs" wrap="nowrap">
          <Title order={3} size="h4" id={labelId} aria-live="polite">
            {monthLabel(selected)}
          </Title>
          {sessions.isFetching && <Loader size="xs" aria-label="Loading sessions" />}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <ActionIcon variant="default" size="lg" aria-label="Previous month" onClick={() => go(shiftMonthKeepingDay(selected, -1))}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <Button variant="default" size="sm" onClick={() => go(today, true)}>
            Today
          </Button>
          <ActionIcon variant="default" size="lg" aria-label="Next month" onClick={() => go(shiftMonthKeepingDay(selected, 1))}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" id={hintId}>
        {sessions.isSuccess && `${plural(inMonth, 'session')} this month. `}
        Arrow keys move between days; Page Up and Page Down change the month.
      </Text>
      {sessions.isError ? (
        <ErrorState error={sessions.error} title="The calendar could not be loaded" onRetry={() => void sessions.refetch()} />
      ) : (
        <table aria-labelledby={labelId} aria-describedby={hintId} aria-busy={sessions.isPending} className={classes.grid}>
          <thead>
            <tr>
              {WEEKDAYS.map((name) => (
                <th key={name} scope="col" abbr={name}>
                  <span aria-hidden>{name.slice(0, 3)}</span>
                  <VisuallyHidden>{name}</VisuallyHidden>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]}>
                {week.map((day) => {
                  const daySessions = byDay.get(day) ?? [];
                  const outside = !sameMonth(monthOfDay(day), month);
                  const isSelected = day === selected;
                  const cellClass = [classes.cell, outside && classes.outside, isSelected && classes.selectedCell]
                    .filter(Boolean)
                    .join(' ');
                  const buttonClass = [classes.dayButton, day === today && classes.today, isSelected && classes.selectedDay]
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <td key={day} className={cellClass}>
                      <button
                        type="button"
                        className={buttonClass}
                        tabIndex={isSelected ? 0 : -1}
                        aria-pressed={isSelected}
                        aria-label={`${dayLabel(day)}, ${daySessions.length ? plural(daySessions.length, 'session') : 'no sessions'}`}
                        aria-current={day === today ? 'date' : undefined}
                        aria-controls={listId}
                        ref={(el) => {
                          if (el) buttons.current.set(day, el);
                          else buttons.current.delete(day);
                        }}
                        onClick={() => go(day)}
                        onKeyDown={(e) => onKeyDown(e, day)}
                        data-day={day}
                      >
                        {Number(day.slice(8))}
                      </button>
                      {daySessions.length > 0 && (
                        <ul className={classes.chips}>
                          {daySessions.slice(0, CHIPS_PER_DAY).map((o) => (
                            <li
                              key={`${o.eventId}/${o.key}`}
                              style={{ '--chip-color': `var(--mantine-color-${FORMAT_COLORS[o.format]}-6)` } as CSSProperties}
                            >
                              <span className={classes.dot} aria-hidden />
                              {/* Mouse shortcut only: the day's list below is the keyboard's way to a session. */}
                              <Link
                                to={occurrenceHref(o.eventId, o.key)}
                                tabIndex={-1}
                                className={[classes.chip, o.status === 'cancelled' && classes.cancelledChip].filter(Boolean).join(' ')}
                              >
                                {formatTime(o.startsAt)} {o.title}
                              </Link>
                            </li>
                          ))}
                          {daySessions.length > CHIPS_PER_DAY && (
                            <li className={classes.more}>+{daySessions.length - CHIPS_PER_DAY} more</li>
                          )}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Stack gap="sm" component="section" aria-labelledby={`${listId}-heading`} id={listId} data-testid="day-sessions">
        <Title order={3} size="h5" id={`${listId}-heading`}>
          {selected === today ? `Today, ${dayLabel(selected)}` : `Sessions on ${dayLabel(selected)}`}
        </Title>
        {sessions.isPending ? null : selectedSessions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No sessions on this day.
          </Text>
        ) : (
          selectedSessions.map((o) => <OccurrenceItem key={`${o.eventId}/${o.key}`} occurrence={o} headingOrder={4} />)
        )}
      </Stack>
    </Stack>
  );
}

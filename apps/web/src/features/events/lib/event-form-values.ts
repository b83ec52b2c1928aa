import type { CreateEventRequest, EditScope, EventFormat, EventSeries, OccurrenceDetail, UpdateEventRequest } from '@guildhall/shared';
import { buildRule, NO_RECURRENCE, parseRule, type Recurrence } from './recurrence-rule';
import { localDateTimeOf, viewerTimeZone } from './time';

export type EventFormValues = {
  format: EventFormat;
  title: string;
  description: string;
  /** 'YYYY-MM-DD' */
  date: string | null;
  /** 'HH:mm' */
  time: string;
  durationMinutes: number | string;
  timeZone: string;
  place: string;
  videoUrl: string;
  /** '' for no limit. */
  capacity: number | string;
  recurrence: Recurrence;
};

/** Which fields a scope edits: one session has no format, description, zone or rule of its own. */
export type FormMode = 'create' | EditScope;
export const SERIES_ONLY_FIELDS = ['format', 'description', 'timeZone', 'rrule'] as const;

/** A new session: the next full hour in the viewer's zone, an hour long. */
export function blankValues(now = new Date()): EventFormValues {
  const zone = viewerTimeZone();
  const next = new Date(now.getTime() + 60 * 60_000);
  const local = localDateTimeOf(next, zone);
  return {
    format: 'lunch-and-learn',
    title: '',
    description: '',
    date: local.slice(0, 10),
    time: `${local.slice(11, 13)}:00`,
    durationMinutes: 60,
    timeZone: zone,
    place: '',
    videoUrl: '',
    capacity: '',
    recurrence: NO_RECURRENCE,
  };
}

/** The form as the editor opens it: the series for "all", the session for "this" and "following". */
export function valuesOf(series: EventSeries, session: OccurrenceDetail | null, mode: FormMode): EventFormValues {
  const start = mode === 'all' || !session ? series.start : mode === 'this' ? session.start : session.key;
  const date = start.slice(0, 10);
  const fromSession = mode === 'this' && session;
  return {
    format: series.format,
    title: fromSession ? session.title : series.title,
    description: series.description,
    date,
    time: start.slice(11, 16),
    durationMinutes: fromSession ? session.durationMinutes : series.durationMinutes,
    timeZone: series.timeZone,
    place: (fromSession ? session.place : series.place) ?? '',
    videoUrl: (fromSession ? session.videoUrl : series.videoUrl) ?? '',
    capacity: (fromSession ? session.capacity : series.capacity) ?? '',
    recurrence: parseRule(series.rrule, date),
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const numberOrNull = (v: number | string) => (typeof v === 'number' ? v : v.trim() ? Number(v) : null);
const startOf = (v: EventFormValues) => `${v.date ?? ''}T${v.time}`;

export function toCreateInput(v: EventFormValues): CreateEventRequest {
  return {
    format: v.format,
    title: v.title,
    description: v.description,
    start: startOf(v),
    timeZone: v.timeZone,
    durationMinutes: numberOrNull(v.durationMinutes) ?? Number.NaN,
    rrule: v.date ? buildRule(v.recurrence, v.date) : null,
    place: orNull(v.place),
    videoUrl: orNull(v.videoUrl),
    capacity: numberOrNull(v.capacity),
  };
}

/** Only what changed travels, so a save never overwrites what the editor did not touch. */
export function toUpdateInput(
  initial: EventFormValues,
  v: EventFormValues,
  target: { scope: EditScope; occurrenceKey?: string; version: number },
): UpdateEventRequest {
  const before = toCreateInput(initial);
  const after = toCreateInput(v);
  const patch: UpdateEventRequest = { scope: target.scope, version: target.version };
  if (target.occurrenceKey) patch.occurrenceKey = target.occurrenceKey;
  const fields = [
    'format',
    'title',
    'description',
    'start',
    'timeZone',
    'durationMinutes',
    'rrule',
    'place',
    'videoUrl',
    'capacity',
  ] as const;
  for (const field of fields) {
    if (target.scope === 'this' && (SERIES_ONLY_FIELDS as readonly string[]).includes(field)) continue;
    if (before[field] !== after[field]) Object.assign(patch, { [field]: after[field] });
  }
  return patch;
}

/** Where a server error about a field shows in this form. */
export function formFieldOf(field: string): keyof EventFormValues | 'start' {
  switch (field) {
    case 'end':
      return 'durationMinutes';
    case 'rrule':
      return 'recurrence';
    default:
      return field as keyof EventFormValues;
  }
}

import { z } from 'zod';
import { Id } from '../common/index.ts';

/**
 * The rhythm of a community: sessions (events) in a format, recurring by RRULE, with
 * per-occurrence RSVPs, agenda, notes, live questions and reflections; plus the talk backlog,
 * the journal-club reading list, calendar feeds and "cadence kept".
 *
 * Times: an event keeps the *local* wall-clock start people agreed on ('YYYY-MM-DDTHH:mm')
 * and its IANA time zone; occurrences also carry their UTC instants (`startsAt`, `endsAt`).
 * An occurrence is addressed by its event id and its `key`: its original local start, which
 * stays the same when that one session is moved.
 */

export const EVENT_FORMATS = ['lunch-and-learn', 'demo-day', 'problem-solving', 'journal-club', 'other'] as const;
export const EventFormat = z.enum(EVENT_FORMATS);
export type EventFormat = z.infer<typeof EventFormat>;
export const EVENT_FORMAT_LABELS: Record<EventFormat, string> = {
  'lunch-and-learn': 'Lunch & Learn',
  'demo-day': 'Demo Day',
  'problem-solving': 'Problem-Solving Session',
  'journal-club': 'Journal Club',
  other: 'Other',
};

/** 'YYYY-MM-DDTHH:mm', a wall-clock time in the event's zone (what datetime-local inputs use). */
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Use YYYY-MM-DDTHH:mm' });
export const OccurrenceKey = LocalDateTime;
export const TimeZoneName = z.string().trim().min(1).max(64);
export const WebUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/i, { message: 'Use an http(s) link' });
/** Markdown source of a description or notes (rendered and sanitised on the server). */
export const MarkdownText = z.string().max(64 * 1024);
export const EventDuration = z
  .number()
  .int()
  .min(1, { message: 'A session must end after it starts' })
  .max(24 * 60, { message: 'Keep a session under a day' });
export const EventCapacity = z.number().int().min(1).max(100_000);

export const EventCommunity = z.object({ id: Id, slug: z.string(), name: z.string() });

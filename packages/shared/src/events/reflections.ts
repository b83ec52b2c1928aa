import { z } from 'zod';
import { Id, Timestamp } from '../common/index.ts';
import { PersonSummary } from '../people/index.ts';
import { EventFormat, OccurrenceKey } from './basics.ts';

/** After a session: each attendee's reflection, their aggregates for facilitators, and "cadence kept". */

export const ReflectionInput = z.strictObject({
  learned: z.string().trim().max(4000).default(''),
  willTry: z.string().trim().max(4000).default(''),
  unclear: z.string().trim().max(4000).default(''),
  rating: z.number().int().min(1).max(5),
});
export type ReflectionInput = z.infer<typeof ReflectionInput>;
export type ReflectionRequest = z.input<typeof ReflectionInput>;

export const Reflection = z.object({
  eventId: Id,
  key: OccurrenceKey,
  person: PersonSummary,
  learned: z.string(),
  willTry: z.string(),
  unclear: z.string(),
  rating: z.number().int(),
  updatedAt: Timestamp,
});
export type Reflection = z.infer<typeof Reflection>;

export const RatingSummary = z.object({
  count: z.number().int(),
  /** null when nobody rated. */
  averageRating: z.number().nullable(),
  /** How many gave 1, 2, 3, 4, 5. */
  distribution: z.array(z.number().int()).length(5),
});

/** Facilitators: one session's reflections in full, and their aggregate. */
export const OccurrenceReflections = z.object({ summary: RatingSummary, reflections: z.array(Reflection) });
export type OccurrenceReflections = z.infer<typeof OccurrenceReflections>;

/** Facilitators: which formats work for this community. */
export const FormatReflections = z.object({
  formats: z.array(RatingSummary.extend({ format: EventFormat, sessions: z.number().int() })),
});
export type FormatReflections = z.infer<typeof FormatReflections>;

/** "bi-weekly — 5 of the last 6 held". expected is null for an ad-hoc cadence. */
export const CadenceReport = z.object({
  cadence: z.enum(['weekly', 'bi-weekly', 'monthly', 'ad-hoc']),
  held: z.number().int(),
  expected: z.number().int().nullable(),
  window: z.object({ from: Timestamp, to: Timestamp }),
  label: z.string(),
});
export type CadenceReport = z.infer<typeof CadenceReport>;

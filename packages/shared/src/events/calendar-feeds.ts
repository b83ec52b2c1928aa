import { z } from 'zod';
import { Id, Timestamp } from '../common/index.ts';
import { EventCommunity } from './basics.ts';

/** Subscribable iCalendar feeds behind secret, revocable URLs: a community's sessions, or a person's. */

export const CreateCalendarFeedInput = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('person') }),
  z.strictObject({ scope: z.literal('community'), community: z.string().trim().min(1).max(100) }),
]);
export type CreateCalendarFeedInput = z.infer<typeof CreateCalendarFeedInput>;

export const CalendarFeed = z.object({
  id: Id,
  scope: z.enum(['community', 'person']),
  community: EventCommunity.nullable(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** The secret URL is shown once, at creation; only its hash is kept. */
export const CreatedCalendarFeed = CalendarFeed.extend({ url: z.string(), token: z.string() });
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';
import { CommunityLink, PersonSummary } from '../people/index.ts';
import { ProposalSummary } from '../proposals/index.ts';

/** A "start here" step: a page, a past session, a first easy question to answer, or plain advice. */
export const NEWCOMER_ITEM_KINDS = ['page', 'session', 'thread', 'text'] as const;
export const NewcomerItemKind = z.enum(NEWCOMER_ITEM_KINDS);
export type NewcomerItemKind = z.infer<typeof NewcomerItemKind>;

export const NewcomerItem = z.object({
  id: Id,
  kind: NewcomerItemKind,
  title: z.string(),
  /** For pages and sessions: where it lives (a Guildhall path or an https address). */
  url: z.string().nullable(),
  threadId: Id.nullable(),
  body: z.string(),
  bodyHtml: z.string(),
  position: z.number().int(),
  done: z.boolean(),
});
export type NewcomerItem = z.infer<typeof NewcomerItem>;

export const NewcomerPath = z.object({
  community: CommunityLink,
  items: z.array(NewcomerItem),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  buddy: PersonSummary.nullable(),
  canManage: z.boolean(),
  /** Active members may mark steps done and ask for a buddy. */
  canFollow: z.boolean(),
});
export type NewcomerPath = z.infer<typeof NewcomerPath>;

const Link = z
  .string()
  .trim()
  .max(500)
  .regex(/^(\/[^\s]*|https:\/\/[^\s]+)$/, { message: 'Use a Guildhall path (/…) or an https address' });

export const CreateNewcomerItemInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['page', 'session']), title: line(120), url: Link, body: z.string().trim().max(2000).default('') }),
  z.strictObject({ kind: z.literal('thread'), title: line(120), threadId: Id, body: z.string().trim().max(2000).default('') }),
  z.strictObject({ kind: z.literal('text'), title: line(120), body: z.string().trim().min(1).max(4000) }),
]);
export type CreateNewcomerItemInput = z.infer<typeof CreateNewcomerItemInput>;
export type CreateNewcomerItemRequest = z.input<typeof CreateNewcomerItemInput>;

export const ReorderNewcomerItemsInput = z.strictObject({ itemIds: z.array(Id).min(1).max(100) });

export const BuddyResult = z.object({ buddy: PersonSummary, assignedAt: Timestamp });
export type BuddyResult = z.infer<typeof BuddyResult>;

export const QuestionToAnswer = z.object({
  threadId: Id,
  title: z.string(),
  community: CommunityLink,
  tags: z.array(z.string()),
  /** The tags that matched the person's skills or past answers; empty when invited. */
  matched: z.array(z.string()),
  invited: z.boolean(),
  createdAt: Timestamp,
});
export type QuestionToAnswer = z.infer<typeof QuestionToAnswer>;

/** Filled by the events room. `id` is `${eventId}/${occurrenceKey}`; the session's page is /events/{eventId}/occurrences/{occurrenceKey}. */
export const UpcomingSession = z.object({
  id: Id,
  eventId: Id,
  occurrenceKey: z.string(),
  title: z.string(),
  community: CommunityLink,
  startsAt: Timestamp,
});
export type UpcomingSession = z.infer<typeof UpcomingSession>;

export const Home = z.object({
  upcomingSessions: z.array(UpcomingSession),
  questionsToAnswer: z.array(QuestionToAnswer),
  proposalsSeekingInterest: z.array(ProposalSummary),
  newcomerPaths: z.array(
    z.object({
      community: CommunityLink,
      progress: z.object({ done: z.number().int(), total: z.number().int() }),
      next: NewcomerItem.nullable(),
    }),
  ),
});
export type Home = z.infer<typeof Home>;

export const ONBOARDING_EVENTS = { buddyAssigned: 'newcomer.buddy_assigned' } as const;

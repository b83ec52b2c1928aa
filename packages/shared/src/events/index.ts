import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';
import { PersonSummary } from '../people/index.ts';
import {
  EventCapacity,
  EventCommunity,
  EventDuration,
  EventFormat,
  LocalDateTime,
  MarkdownText,
  OccurrenceKey,
  TimeZoneName,
  WebUrl,
} from './basics.ts';

// The room's contract, by use case: basics (formats, times), this file (series, sessions, RSVP,
// agenda, backlog, readings, live questions, live events), reflections.ts, calendar-feeds.ts.
export {
  EVENT_FORMAT_LABELS,
  EVENT_FORMATS,
  EventCapacity,
  EventCommunity,
  EventDuration,
  EventFormat,
  LocalDateTime,
  OccurrenceKey,
  TimeZoneName,
} from './basics.ts';
export * from './calendar-feeds.ts';
export * from './reflections.ts';
/** The series (or the one-off session) as scheduled. */
export const EventSeries = z.object({
  id: Id,
  community: EventCommunity,
  format: EventFormat,
  title: z.string(),
  description: z.string(),
  descriptionHtml: z.string(),
  start: LocalDateTime,
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  /** Canonical RRULE (no DTSTART; UNTIL as a local time), null for a one-off session. */
  rrule: z.string().nullable(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  /** Set on the series that "this and following" split off from an earlier one. */
  splitFromId: Id.nullable(),
  cancelledAt: Timestamp.nullable(),
  /** Send it back when editing; a stale one is refused with 409 event.version_conflict. */
  version: z.number().int(),
  createdAt: Timestamp,
  canManage: z.boolean(),
  /** Active members may RSVP, ask live questions and reflect. */
  canTakePart: z.boolean(),
});
export type EventSeries = z.infer<typeof EventSeries>;

export const CreateEventInput = z.strictObject({
  format: EventFormat,
  title: line(200),
  description: MarkdownText.default(''),
  start: LocalDateTime,
  timeZone: TimeZoneName,
  /** Either a duration or an end (local, same zone); the end must come after the start. */
  durationMinutes: EventDuration.optional(),
  end: LocalDateTime.optional(),
  /** RFC 5545 RRULE, e.g. "FREQ=WEEKLY;INTERVAL=2" or "FREQ=MONTHLY;BYDAY=1TU;COUNT=10"; at most daily. */
  rrule: z.string().trim().max(500).nullable().optional(),
  place: line(300).nullable().optional(),
  videoUrl: WebUrl.nullable().optional(),
  capacity: EventCapacity.nullable().optional(),
});
export type CreateEventInput = z.infer<typeof CreateEventInput>;
export type CreateEventRequest = z.input<typeof CreateEventInput>;

/**
 * this: one occurrence (by `occurrenceKey`) gets overrides — moved, retitled, another place.
 * following: the series is split at `occurrenceKey`; the change applies from there on (a new
 * series; its id is returned). all: the whole series.
 */
export const EditScope = z.enum(['this', 'following', 'all']);
export type EditScope = z.infer<typeof EditScope>;

export const UpdateEventInput = z.strictObject({
  scope: EditScope.default('all'),
  occurrenceKey: OccurrenceKey.optional(),
  /** The series' version the editor started from. */
  version: z.number().int(),
  format: EventFormat.optional(),
  title: line(200).optional(),
  description: MarkdownText.optional(),
  /** For scope=this: the session's new local start (a move). Otherwise the series' start. */
  start: LocalDateTime.optional(),
  timeZone: TimeZoneName.optional(),
  durationMinutes: EventDuration.optional(),
  rrule: z.string().trim().max(500).nullable().optional(),
  place: line(300).nullable().optional(),
  videoUrl: WebUrl.nullable().optional(),
  capacity: EventCapacity.nullable().optional(),
});
export type UpdateEventInput = z.infer<typeof UpdateEventInput>;
export type UpdateEventRequest = z.input<typeof UpdateEventInput>;

export const RsvpStatus = z.enum(['going', 'maybe', 'not_going', 'waitlisted']);
export type RsvpStatus = z.infer<typeof RsvpStatus>;

export const MyRsvp = z.object({
  status: RsvpStatus,
  /** 1-based place on the waitlist; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  attended: z.boolean(),
  checkedInAt: Timestamp.nullable(),
});
export type MyRsvp = z.infer<typeof MyRsvp>;

export const RsvpCounts = z.object({
  going: z.number().int(),
  maybe: z.number().int(),
  notGoing: z.number().int(),
  waitlisted: z.number().int(),
  attended: z.number().int(),
});

/** One session of a series (or the one-off), as the calendar shows it. */
export const Occurrence = z.object({
  eventId: Id,
  key: OccurrenceKey,
  community: EventCommunity,
  format: EventFormat,
  title: z.string(),
  start: LocalDateTime,
  timeZone: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  durationMinutes: z.number().int(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  recurring: z.boolean(),
  status: z.enum(['scheduled', 'cancelled']),
  /** This session was moved from its place in the series. */
  moved: z.boolean(),
  counts: RsvpCounts,
  myRsvp: MyRsvp.nullable(),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const AgendaSlot = z.object({
  id: Id,
  position: z.number().int(),
  title: z.string(),
  presenter: PersonSummary.nullable(),
  durationMinutes: z.number().int().nullable(),
  talkIdeaId: Id.nullable(),
  /** A challenge thread this slot works on (problem-solving sessions). */
  thread: z.object({ id: Id, title: z.string() }).nullable(),
});
export type AgendaSlot = z.infer<typeof AgendaSlot>;

export const ReadingKind = z.enum(['article', 'paper', 'book-chapter', 'talk']);
export type ReadingKind = z.infer<typeof ReadingKind>;

export const Reading = z.object({
  id: Id,
  kind: ReadingKind,
  url: z.string(),
  title: z.string(),
  why: z.string(),
  suggestedBy: PersonSummary.nullable(),
  votes: z.number().int(),
  myVote: z.boolean(),
  createdAt: Timestamp,
});
export type Reading = z.infer<typeof Reading>;

/** The session page: the occurrence with its agenda, notes and links. */
export const OccurrenceDetail = Occurrence.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  notes: z.string(),
  notesHtml: z.string(),
  slidesUrl: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  /** Journal clubs: the chosen reading and its discussion thread. */
  reading: Reading.nullable(),
  discussionThreadId: Id.nullable(),
  agenda: z.array(AgendaSlot),
  eventVersion: z.number().int(),
  canManage: z.boolean(),
  canTakePart: z.boolean(),
  /** Facilitators and the session's presenters: mark live questions answered, turn the rest into threads. */
  canPresent: z.boolean(),
  /** Attendees may check themselves in from 30 minutes before the start until the end. */
  checkInOpen: z.boolean(),
});
export type OccurrenceDetail = z.infer<typeof OccurrenceDetail>;

/** A calendar window; at most two years wide. Defaults: from now, 90 days. */
export const OccurrenceListQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type OccurrenceListQuery = z.infer<typeof OccurrenceListQuery>;
export type OccurrenceListParams = z.input<typeof OccurrenceListQuery>;

export const RsvpInput = z.strictObject({ status: z.enum(['going', 'maybe', 'not_going']) });
export type RsvpInput = z.infer<typeof RsvpInput>;

export const Attendee = z.object({
  person: PersonSummary,
  status: RsvpStatus,
  waitlistPosition: z.number().int().nullable(),
  attended: z.boolean(),
  checkedInAt: Timestamp.nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const AttendanceInput = z.strictObject({
  attendees: z
    .array(z.strictObject({ personId: Id, attended: z.boolean() }))
    .min(1)
    .max(500),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

/** Notes, links and (journal clubs) the chosen reading and discussion thread; null clears. */
export const OccurrenceRecordInput = z.strictObject({
  notes: MarkdownText.optional(),
  slidesUrl: WebUrl.nullable().optional(),
  recordingUrl: WebUrl.nullable().optional(),
  readingId: Id.nullable().optional(),
  discussionThreadId: Id.nullable().optional(),
});
export type OccurrenceRecordInput = z.infer<typeof OccurrenceRecordInput>;

export const CreateAgendaSlotInput = z.strictObject({
  title: line(200),
  presenterId: Id.nullable().optional(),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable()
    .optional(),
  /** A challenge thread of the community (problem-solving sessions). */
  threadId: Id.nullable().optional(),
});
export type CreateAgendaSlotInput = z.infer<typeof CreateAgendaSlotInput>;

export const UpdateAgendaSlotInput = CreateAgendaSlotInput.partial().extend({ position: z.number().int().min(1).optional() });
export type UpdateAgendaSlotInput = z.infer<typeof UpdateAgendaSlotInput>;

export const TalkIdeaKind = z.enum(['talk', 'demo']);
export const TalkIdea = z.object({
  id: Id,
  kind: TalkIdeaKind,
  title: z.string(),
  abstract: z.string(),
  abstractHtml: z.string(),
  presenter: PersonSummary.nullable(),
  votes: z.number().int(),
  myVote: z.boolean(),
  /** Where it was scheduled, once a facilitator put it into a slot. */
  scheduled: z.object({ eventId: Id, key: OccurrenceKey, slotId: Id }).nullable(),
  createdAt: Timestamp,
});
export type TalkIdea = z.infer<typeof TalkIdea>;

export const CreateTalkIdeaInput = z.strictObject({
  kind: TalkIdeaKind.default('talk'),
  title: line(200),
  abstract: MarkdownText.default(''),
});
export type CreateTalkIdeaInput = z.infer<typeof CreateTalkIdeaInput>;

export const ScheduleTalkIdeaInput = z.strictObject({
  eventId: Id,
  occurrenceKey: OccurrenceKey,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable()
    .optional(),
});
export type ScheduleTalkIdeaInput = z.infer<typeof ScheduleTalkIdeaInput>;

export const CreateReadingInput = z.strictObject({
  kind: ReadingKind,
  url: WebUrl,
  title: line(300),
  why: z.string().trim().max(2000).default(''),
});
export type CreateReadingInput = z.infer<typeof CreateReadingInput>;

export const BacklogListQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type BacklogListQuery = z.infer<typeof BacklogListQuery>;

/** The same promise as anonymous posts: an anonymous asker is `{ anonymous: true }` for everyone else. */
export const QuestionAuthor = z.discriminatedUnion('anonymous', [
  z.object({ anonymous: z.literal(false), person: PersonSummary }),
  z.object({ anonymous: z.literal(true) }),
]);

export const SessionQuestion = z.object({
  id: Id,
  eventId: Id,
  key: OccurrenceKey,
  body: z.string(),
  author: QuestionAuthor,
  isMine: z.boolean(),
  votes: z.number().int(),
  myVote: z.boolean(),
  answeredAt: Timestamp.nullable(),
  /** The thread it became after the session. */
  threadId: Id.nullable(),
  createdAt: Timestamp,
});
export type SessionQuestion = z.infer<typeof SessionQuestion>;
export const PublicSessionQuestion = SessionQuestion.omit({ isMine: true, myVote: true });
export type PublicSessionQuestion = z.infer<typeof PublicSessionQuestion>;

/**
 * The room is open from this long before a session starts (people arrive early) until it ends:
 * attendees check in and ask live questions only then.
 */
export const SESSION_OPENS_EARLY_MINUTES = 30;

export const CreateSessionQuestionInput = z.strictObject({
  body: z.string().trim().min(1, { message: 'Write your question first' }).max(2000),
  anonymous: z.boolean().default(false),
});
export type CreateSessionQuestionInput = z.infer<typeof CreateSessionQuestionInput>;

/**
 * After a session, its unanswered live questions become question threads of the community,
 * each started in its asker's name (anonymous stays anonymous) and linking back to the session.
 * Asking again only picks up questions that have no thread yet.
 */
export const QuestionsToThreadsResult = z.object({
  /** Threads started by this request. */
  created: z.number().int(),
  /** Unanswered questions left as they were: their asker may no longer post in the community. */
  skipped: z.number().int(),
  questions: z.array(SessionQuestion),
});
export type QuestionsToThreadsResult = z.infer<typeof QuestionsToThreadsResult>;

/**
 * Live-update payloads (SSE). The same for every reader: an anonymous question carries no
 * author; `session_question.mine` reaches only its author.
 */
export const EventEvents = {
  'event.changed': z.object({ eventId: Id, newEventId: Id.optional() }),
  'occurrence.changed': z.object({ eventId: Id, key: OccurrenceKey }),
  'rsvp.changed': z.object({ eventId: Id, key: OccurrenceKey, counts: RsvpCounts }),
  /** To the promoted person only. */
  'rsvp.promoted': z.object({ eventId: Id, key: OccurrenceKey }),
  /** To the presenter only. */
  'talk_idea.scheduled': z.object({ talkIdeaId: Id, eventId: Id, key: OccurrenceKey, slotId: Id }),
  /** To the person a facilitator put on an agenda slot (added, or its presenter changed) only. */
  'agenda_slot.presenter_assigned': z.object({ eventId: Id, key: OccurrenceKey, slotId: Id }),
  'session_question.created': z.object({ eventId: Id, key: OccurrenceKey, questionId: Id, question: PublicSessionQuestion }),
  'session_question.voted': z.object({ eventId: Id, key: OccurrenceKey, questionId: Id, votes: z.number().int() }),
  'session_question.answered': z.object({ eventId: Id, key: OccurrenceKey, questionId: Id, answeredAt: Timestamp.nullable() }),
  'session_question.mine': z.object({ eventId: Id, key: OccurrenceKey, questionId: Id }),
  /** An unanswered question became a thread after the session. */
  'session_question.threaded': z.object({ eventId: Id, key: OccurrenceKey, questionId: Id, threadId: Id }),
} as const;
export type EventEventType = keyof typeof EventEvents;

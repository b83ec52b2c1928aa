import type { ThreadKind } from '@guildhall/shared';

/**
 * The promise made where the anonymous choice is made. It must stay true: the server never
 * returns an anonymous author to anyone else (facilitators and admins included), nor puts it
 * in events, search, notifications, exports or logs.
 */
export const ANONYMOUS_PROMISE =
  'Your name is hidden from everyone — members, facilitators and admins — in the thread, search, notifications and exports. ' +
  "Only you can see it's yours, so you can still edit or delete it.";

/** One line each, shown where a kind is chosen. */
export const KIND_HINTS: Record<ThreadKind, string> = {
  discussion: 'Share something or talk a topic through with the community.',
  question: 'Ask for help. You can accept the answer that solved it; it is then shown first.',
  challenge: 'Bring a problem for the community to work on together, until a post solves it.',
};

export const SUBMIT_LABELS: Record<ThreadKind, string> = {
  discussion: 'Start discussion',
  question: 'Post question',
  challenge: 'Post challenge',
};

/** How the list of replies is named, by kind. */
export const REPLY_NOUNS: Record<ThreadKind, [one: string, many: string]> = {
  discussion: ['reply', 'replies'],
  question: ['answer', 'answers'],
  challenge: ['reply', 'replies'],
};

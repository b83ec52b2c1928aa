/** The three lists the threads tab offers, each a filter on the same endpoint. */
export type ThreadView = 'latest' | 'unanswered' | 'challenges';
export const THREAD_VIEWS: readonly ThreadView[] = ['latest', 'unanswered', 'challenges'];

export type ThreadFilters = { community?: string; view: ThreadView; tag?: string };

/**
 * Every conversations query starts with 'conversations'; lists share a prefix so a live event
 * can refresh all of them at once, whatever their filters.
 */
export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => ['conversations', 'threads'] as const,
  list: (filters: ThreadFilters) => ['conversations', 'threads', filters] as const,
  thread: (threadId: string) => ['conversations', 'thread', threadId] as const,
  posts: (threadId: string) => ['conversations', 'posts', threadId] as const,
  revisions: (postId: string) => ['conversations', 'revisions', postId] as const,
  flags: (slug: string) => ['conversations', 'flags', slug] as const,
  mentions: () => ['conversations', 'mentions'] as const,
  people: (q: string) => ['conversations', 'people', q] as const,
  /** Mutation key of my replies being sent, so live events can tell my own reply from others'. */
  sending: (threadId: string) => ['conversations', 'sending', threadId] as const,
};

import type { SearchKind } from '@guildhall/shared';

export const KIND_LABELS: Record<SearchKind, { one: string; many: string; color: string }> = {
  thread: { one: 'Thread', many: 'Threads', color: 'indigo' },
  post: { one: 'Reply', many: 'Replies', color: 'blue' },
  page: { one: 'Page', many: 'Pages', color: 'teal' },
  event: { one: 'Event', many: 'Events', color: 'orange' },
  community: { one: 'Community', many: 'Communities', color: 'grape' },
  person: { one: 'Person', many: 'People', color: 'gray' },
};

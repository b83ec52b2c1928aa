/**
 * Every events query starts with 'events', so one live update can refresh what it touches:
 * a community's calendars (['events', 'community', slug]) or one session (['events', 'occurrence', id, key]).
 */
export const eventKeys = {
  all: ['events'] as const,
  community: (slug: string) => ['events', 'community', slug] as const,
  range: (slug: string, from: string, to: string) => ['events', 'community', slug, 'range', from, to] as const,
  list: (slug: string, when: 'upcoming' | 'past') => ['events', 'community', slug, 'list', when] as const,
  cadence: (slug: string) => ['events', 'community', slug, 'cadence'] as const,
  formatReflections: (slug: string) => ['events', 'community', slug, 'reflections'] as const,
  talkIdeas: (slug: string) => ['events', 'community', slug, 'talk-ideas'] as const,
  readings: (slug: string) => ['events', 'community', slug, 'readings'] as const,
  members: (slug: string) => ['events', 'community', slug, 'members'] as const,
  discussions: (slug: string) => ['events', 'community', slug, 'discussions'] as const,
  series: (eventId: string) => ['events', 'series', eventId] as const,
  neighbours: (eventId: string, key: string) => ['events', 'series', eventId, 'neighbours', key] as const,
  current: (eventId: string) => ['events', 'series', eventId, 'current'] as const,
  occurrence: (eventId: string, key: string) => ['events', 'occurrence', eventId, key] as const,
  attendees: (eventId: string, key: string) => ['events', 'occurrence', eventId, key, 'attendees'] as const,
  questions: (eventId: string, key: string) => ['events', 'occurrence', eventId, key, 'questions'] as const,
  challenges: (eventId: string, key: string) => ['events', 'occurrence', eventId, key, 'challenges'] as const,
  myReflection: (eventId: string, key: string) => ['events', 'occurrence', eventId, key, 'my-reflection'] as const,
  reflections: (eventId: string, key: string) => ['events', 'occurrence', eventId, key, 'reflections'] as const,
  feeds: ['events', 'calendar-feeds'] as const,
};

export const occurrencePath = (eventId: string, key: string, rest = '') =>
  `/events/${encodeURIComponent(eventId)}/occurrences/${encodeURIComponent(key)}${rest}`;

/** The session page's address in the app. */
export const occurrenceHref = (eventId: string, key: string) => `/events/${eventId}/occurrences/${key}`;

/** A calendar window (OccurrenceListQuery) as the browser sends it. */
export type OccurrenceWindow = { from?: string; to?: string; cursor?: string; limit?: number };

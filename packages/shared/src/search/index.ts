import { z } from 'zod';
import { Id, Timestamp } from '../common/index.ts';

/**
 * What search can find. A new kind of content joins by adding its name here and its mapping
 * on the server (platform/search/sources.ts); the query and result shapes stay the same.
 */
export const SearchKind = z.enum(['community', 'thread', 'post', 'page', 'event', 'person']);
export type SearchKind = z.infer<typeof SearchKind>;

/** Calendar date (YYYY-MM-DD) or a full ISO instant. */
const DateBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const SearchQuery = z.strictObject({
  /** Words, "exact phrases", -excluded words, and OR between alternatives. */
  q: z.string().trim().min(1).max(300),
  community: z.string().max(80).optional(),
  kind: SearchKind.optional(),
  author: Id.optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  from: DateBound.optional(),
  to: DateBound.optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const CommunityRef = z.object({ slug: z.string(), name: z.string() });
const PersonRef = z.object({ id: Id, name: z.string() });

export const SearchHit = z.object({
  kind: SearchKind,
  id: Id,
  title: z.string(),
  /**
   * Plain text around the matches, HTML-escaped, with each match wrapped in <mark>…</mark>
   * (the only markup it ever contains).
   */
  snippet: z.string(),
  /** Where the web app shows it. */
  url: z.string(),
  community: CommunityRef.nullable(),
  /** Null for anonymous posts and questions: search never names their author. */
  author: PersonRef.nullable(),
  /** For posts: the accepted answer of its question. */
  accepted: z.boolean(),
  createdAt: Timestamp,
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({
  items: z.array(SearchHit),
  nextCursor: z.string().nullable(),
  /**
   * How many of the considered matches are of each kind. For very common words only the most
   * recent matches are considered (see `capped`), so these are lower bounds then.
   */
  facets: z.object({ kinds: z.record(z.string(), z.number().int()) }),
  capped: z.boolean(),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const SuggestQuery = z.strictObject({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(10).default(8),
});
export type SuggestQuery = z.infer<typeof SuggestQuery>;

export const Suggestion = z.object({
  kind: SearchKind,
  id: Id,
  title: z.string(),
  url: z.string(),
  community: CommunityRef.nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const Suggestions = z.object({ items: z.array(Suggestion) });
export type Suggestions = z.infer<typeof Suggestions>;

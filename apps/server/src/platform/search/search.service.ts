import type { SearchHit, SearchKind, SearchQuery, SearchResults, Suggestion, Suggestions, SuggestQuery } from '@guildhall/shared';
import { badRequest, notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePerson } from '../auth/policy.ts';
import { normalisedTitle, parseQuery, suggestionTerms } from './query-syntax.ts';
import { type Candidate, MARK_END, MARK_START, type Scope, type SearchRepository } from './search.repository.ts';
import type { Labels, SearchLabelsRepository } from './search-labels.repository.ts';

/**
 * How many of the newest matches are ranked. Beyond it a word is common enough that the newest
 * matches are the useful ones, and ranking all of a million would cost seconds, not
 * milliseconds (docs/decisions/0008-search.md).
 */
const CANDIDATES = 500;

// Places people land on first weigh a little more than one reply among thousands.
const KIND_WEIGHT: Record<string, number> = { community: 1.4, page: 1.3, thread: 1.2, person: 1.2, event: 1.1, post: 1 };
const DAY_MS = 86_400_000;

function score(c: Candidate, exactTitle: string, now: number): number {
  const ageDays = Math.max(0, (now - Date.parse(c.createdAt)) / DAY_MS);
  // Recent things rank higher, halving the boost about every month; never below the plain relevance.
  const recency = 1 + 1 / (1 + ageDays / 30);
  const accepted = c.accepted ? 1.6 : 1;
  const exact = exactTitle && normalisedTitle(c.title) === exactTitle ? 1000 : 0;
  return exact + c.relevance * recency * accepted * (KIND_WEIGHT[c.kind] ?? 1);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Escapes everything, then turns only our own markers into <mark>, always balanced: the
 * snippet's only markup, whatever the content held.
 */
export function highlight(text: string): string {
  let out = '';
  let open = false;
  for (const part of text.split(new RegExp(`(${MARK_START}|${MARK_END})`))) {
    if (part === MARK_START || part === MARK_END) {
      const wantOpen = part === MARK_START;
      if (wantOpen !== open) out += wantOpen ? '<mark>' : '</mark>';
      open = wantOpen;
    } else out += escapeHtml(part);
  }
  return open ? `${out}</mark>` : out;
}

function urlOf(c: Candidate, labels: Labels): string {
  const community = c.communityId ? labels.communities.get(c.communityId) : undefined;
  switch (c.kind as SearchKind) {
    case 'community':
      return `/communities/${community?.slug ?? ''}`;
    case 'thread':
      return `/threads/${c.refId}`;
    case 'post':
      return `/threads/${c.threadId}#post-${c.refId}`;
    case 'event':
      return `/events/${c.refId}`;
    case 'page':
      return `/communities/${community?.slug ?? ''}/knowledge/${c.refId}`;
    case 'person':
      return `/people/${c.refId}`;
  }
}

function titleOf(c: Candidate, labels: Labels): string {
  if (c.kind === 'post') return labels.threadTitles.get(c.threadId ?? '') ?? 'A reply';
  return c.title;
}

const offsetOf = (cursor: string | undefined) => {
  if (cursor === undefined) return 0;
  const offset = Number(cursor);
  if (!Number.isInteger(offset) || offset < 0 || offset > CANDIDATES) {
    throw badRequest('search.invalid_cursor', 'That page of results no longer exists; search again.', [
      { field: 'cursor', message: 'Use the nextCursor of a previous answer.' },
    ]);
  }
  return offset;
};

/** One search over every kind of content, answering only with what the searcher may read. */
export class SearchService {
  constructor(
    private readonly search: SearchRepository,
    private readonly labels: SearchLabelsRepository,
  ) {}

  private async scopeFor(actor: Actor, filters: Omit<Scope, 'privateCommunityIds'> & { community?: string }): Promise<Scope> {
    const person = requirePerson(actor);
    const privateCommunityIds = person.orgRole === 'admin' ? null : await this.labels.readablePrivateCommunityIds(person.personId);
    const { community, ...rest } = filters;
    if (!community) return { ...rest, privateCommunityIds };
    const found = await this.labels.communityBySlug(community);
    const readable = found && (found.visibility === 'open' || privateCommunityIds === null || privateCommunityIds.includes(found.id));
    // A private community one cannot read is answered exactly like one that does not exist.
    if (!found || !readable) throw notFound('community.not_found', 'There is no community at that address.');
    return { ...rest, privateCommunityIds, communityId: found.id };
  }

  async query(actor: Actor, input: SearchQuery): Promise<SearchResults> {
    const parsed = parseQuery(input.q);
    const offset = offsetOf(input.cursor);
    const scope = await this.scopeFor(actor, {
      community: input.community,
      kind: input.kind,
      authorId: input.author,
      tag: input.tag,
      from: input.from,
      to: input.to,
    });

    const found = await this.search.candidates(parsed, scope, CANDIDATES + 1);
    const capped = found.length > CANDIDATES;
    const candidates = found.slice(0, CANDIDATES);
    // Facets count every kind, so they are taken without the kind filter.
    const forFacets = scope.kind ? await this.search.candidates(parsed, { ...scope, kind: undefined }, CANDIDATES) : candidates;
    const kinds: Record<string, number> = {};
    for (const c of forFacets) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;

    const now = Date.now();
    const exactTitle = normalisedTitle(input.q);
    const ranked = candidates
      .map((c) => ({ c, s: score(c, exactTitle, now) }))
      .sort((a, b) => b.s - a.s || b.c.docId - a.c.docId)
      .map((x) => x.c);
    const page = ranked.slice(offset, offset + input.limit);
    const next = offset + input.limit < ranked.length ? String(offset + input.limit) : null;

    const [snippets, labels] = await Promise.all([
      this.search.snippets(
        parsed,
        page.map((c) => c.docId),
      ),
      this.labelsFor(page),
    ]);
    const items: SearchHit[] = page.map((c) => ({
      kind: c.kind as SearchKind,
      id: c.refId,
      title: titleOf(c, labels),
      snippet: highlight(snippets.get(c.docId) ?? ''),
      url: urlOf(c, labels),
      community: this.communityRef(c, labels),
      author: c.authorId && c.kind !== 'person' ? { id: c.authorId, name: labels.people.get(c.authorId) ?? '' } : null,
      accepted: c.accepted,
      createdAt: c.createdAt,
    }));
    return { items, nextCursor: next, facets: { kinds }, capped };
  }

  async suggest(actor: Actor, input: SuggestQuery): Promise<Suggestions> {
    const words = suggestionTerms(input.q);
    const last = words[words.length - 1] ?? '';
    // One letter matches half the dictionary; suggestions start at the second.
    if (!words.length || (words.length === 1 && last.length < 2)) return { items: [] };
    const scope = await this.scopeFor(actor, {});
    const found = await this.search.titlePrefix(words, scope, 40);
    const typed = words.join(' ');
    const rankOf = (c: Candidate) => {
      const title = normalisedTitle(c.title);
      return (title.startsWith(typed) ? 10 : 0) + (KIND_WEIGHT[c.kind] ?? 1) - title.length / 1000;
    };
    const best = found.sort((a, b) => rankOf(b) - rankOf(a)).slice(0, input.limit);
    const labels = await this.labelsFor(best);
    const items: Suggestion[] = best.map((c) => ({
      kind: c.kind as SearchKind,
      id: c.refId,
      title: c.title,
      url: urlOf(c, labels),
      community: this.communityRef(c, labels),
    }));
    return { items };
  }

  private communityRef(c: Candidate, labels: Labels) {
    const community = c.communityId ? labels.communities.get(c.communityId) : undefined;
    return community ? { slug: community.slug, name: community.name } : null;
  }

  private labelsFor(candidates: Candidate[]): Promise<Labels> {
    const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
    return this.labels.labels(
      unique(candidates.map((c) => c.communityId)),
      unique(candidates.filter((c) => c.kind === 'post').map((c) => c.threadId)),
      unique(candidates.filter((c) => c.kind !== 'person').map((c) => c.authorId)),
    );
  }
}

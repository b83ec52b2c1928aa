import { EVIDENCE_WEIGHTS, type Evidence, type EvidenceCounts } from '@guildhall/shared';
import { toInstant } from '../../platform/time/wall-clock.ts';
import type { ExpertiseRepository } from './expertise.repository.ts';

type AnswerRow = Awaited<ReturnType<ExpertiseRepository['answers']>>[number];
type ReactionRow = Awaited<ReturnType<ExpertiseRepository['reactions']>>[number];
type TalkRow = Awaited<ReturnType<ExpertiseRepository['talks']>>[number];
type PageRow = Awaited<ReturnType<ExpertiseRepository['pages']>>[number];

/** A piece of evidence and whose it is. */
export type Attributed = { personId: string; evidence: Evidence };

export const parseTags = (json: string | null): string[] => {
  if (!json) return [];
  try {
    const tags: unknown = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
};

/** "from>to" for each endorsement in these rows: a named asker's accepted answer, or a reaction. */
export function endorsementKeys(answers: AnswerRow[], reactions: ReactionRow[]): { from: string; to: string }[] {
  return [
    ...answers.flatMap((a) => (a.accepted && a.asker_id ? [{ from: a.asker_id, to: a.author_id }] : [])),
    ...reactions.map((r) => ({ from: r.reactor_id, to: r.author_id })),
  ];
}

/**
 * Answers and reactions as evidence. `reciprocal` holds the "from>to" keys of people who vouch
 * for each other: two colleagues only ever endorsing each other would otherwise inflate each
 * other's skills without limit, so such a pair's endorsements count once in each direction (the
 * strongest: an accepted answer, else one reaction); the rest stay as plain answers or drop out.
 */
export function postEvidence(answers: AnswerRow[], reactions: ReactionRow[], reciprocal: ReadonlySet<string> = new Set()): Attributed[] {
  const spent = new Set<string>();
  const counts = (from: string | null, to: string) => {
    const key = `${from}>${to}`;
    if (!from || !reciprocal.has(key)) return true;
    if (spent.has(key)) return false;
    spent.add(key);
    return true;
  };
  const common = (r: AnswerRow | ReactionRow) => ({
    title: r.thread_title,
    source: { type: 'post' as const, threadId: r.thread_id, postId: r.post_id },
    community: { slug: r.community_slug, name: r.community_name },
    tags: parseTags(r.tags),
    at: r.created_at,
  });
  const fromAnswers = answers.map((a) => {
    const accepted = a.accepted && counts(a.asker_id, a.author_id);
    return {
      personId: a.author_id,
      evidence: { ...common(a), kind: accepted ? ('accepted-answer' as const) : ('answer' as const), count: 1 },
    };
  });
  const byPost = new Map<string, { row: ReactionRow; reactors: number }>();
  for (const r of reactions) {
    const post = byPost.get(r.post_id) ?? { row: r, reactors: 0 };
    if (counts(r.reactor_id, r.author_id)) post.reactors++;
    byPost.set(r.post_id, post);
  }
  const fromReactions = [...byPost.values()]
    .filter((p) => p.reactors > 0)
    .map(({ row, reactors }) => ({ personId: row.author_id, evidence: { ...common(row), kind: 'reaction' as const, count: reactors } }));
  return [...fromAnswers, ...fromReactions];
}

/** Talks in sessions that have begun by `at`. */
export function talkEvidence(talks: TalkRow[], at = new Date()): Attributed[] {
  return talks.flatMap((t) => {
    const start = toInstant(t.start_local, t.tz);
    if (Number.isNaN(start.getTime()) || start > at) return [];
    return [
      {
        personId: t.presenter_id,
        evidence: {
          kind: 'talk' as const,
          title: t.title,
          source: { type: 'talk' as const, eventId: t.event_id, occurrenceKey: t.occurrence_key, slotId: t.slot_id },
          community: { slug: t.community_slug, name: t.community_name },
          tags: parseTags(t.tags),
          count: 1,
          at: start.toISOString(),
        },
      },
    ];
  });
}

/** Each page counts once for its owner and once for its creator when they differ; `onlyFor` keeps one person's. */
export function pageEvidence(pages: PageRow[], onlyFor?: string): Attributed[] {
  return pages.flatMap((p) => {
    const evidence: Evidence = {
      kind: 'page',
      title: p.title,
      source: { type: 'page', pageId: p.page_id },
      community: { slug: p.community_slug, name: p.community_name },
      tags: parseTags(p.tags),
      count: 1,
      at: p.created_at,
    };
    const people = [...new Set([p.owner_id, p.created_by])].filter((id): id is string => !!id && (!onlyFor || id === onlyFor));
    return people.map((personId) => ({ personId, evidence }));
  });
}

export function score(evidence: Evidence[]): { score: number; counts: EvidenceCounts } {
  const counts: EvidenceCounts = { acceptedAnswers: 0, answers: 0, reactions: 0, talks: 0, pages: 0 };
  let total = 0;
  for (const e of evidence) {
    total += EVIDENCE_WEIGHTS[e.kind] * e.count;
    if (e.kind === 'accepted-answer') counts.acceptedAnswers++;
    else if (e.kind === 'answer') counts.answers++;
    else if (e.kind === 'reaction') counts.reactions += e.count;
    else if (e.kind === 'talk') counts.talks++;
    else counts.pages++;
  }
  return { score: total, counts };
}

/** Strongest first: by weight (accepted answers, talks, pages, answers, reactions); newest within a weight. */
export const strongestFirst = (a: Evidence, b: Evidence) =>
  EVIDENCE_WEIGHTS[b.kind] * b.count - EVIDENCE_WEIGHTS[a.kind] * a.count || b.at.localeCompare(a.at);

export const newestFirst = (a: Evidence, b: Evidence) => b.at.localeCompare(a.at);

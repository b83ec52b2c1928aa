import type { InterestKind, PersonSummary, Proposal, ProposalSummary, ProposalThreshold, Seniority } from '@guildhall/shared';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/policy.ts';
import { toSummary } from '../people/index.ts';
import type { InterestRow, ProposalRow } from './proposals.repository.ts';
import { readinessOf } from './readiness.ts';

export const proposalResource = (p: ProposalRow, actor: PersonActor) =>
  ({ type: 'proposal', proposal: { isProposer: p.proposer_id === actor.personId } }) as const;

type Context = {
  proposer: PersonSummary;
  interests: InterestRow[];
  threshold: ProposalThreshold;
  community: { slug: string; name: string } | null;
};

/** The only place proposal rows become payloads. */
export function toProposalSummary(actor: PersonActor, p: ProposalRow, ctx: Context): ProposalSummary {
  const signals = ctx.interests.map((i) => ({ personId: i.id, kind: i.kind, teamId: i.team_id }));
  return {
    id: p.id,
    topic: p.topic,
    category: p.category as ProposalSummary['category'],
    firstFocus: p.first_focus,
    status: p.status,
    proposer: ctx.proposer,
    readiness: readinessOf(signals, { id: ctx.proposer.id, teamId: ctx.proposer.team?.id ?? null }, ctx.threshold),
    myInterest: ctx.interests.filter((i) => i.id === actor.personId).map((i) => i.kind),
    community: ctx.community,
    createdAt: p.created_at,
  };
}

export function toProposal(actor: PersonActor, p: ProposalRow, ctx: Context & { commentCount: number }): Proposal {
  const people = new Map<string, { person: PersonSummary; kinds: InterestKind[]; notes: Partial<Record<InterestKind, string>> }>();
  for (const i of ctx.interests) {
    const entry = people.get(i.id) ?? { person: toSummary(i), kinds: [], notes: {} };
    entry.kinds.push(i.kind);
    if (i.note) entry.notes[i.kind] = i.note;
    people.set(i.id, entry);
  }
  // The breakdown counts each interested person once, the proposer included.
  const everyone = new Map<string, PersonSummary>([[ctx.proposer.id, ctx.proposer]]);
  for (const { person } of people.values()) everyone.set(person.id, person);
  const byTeam = countBy(
    [...everyone.values()],
    (s) => s.team?.id ?? '',
    (s) => s.team,
  );
  const bySeniority = countBy(
    [...everyone.values()],
    (s) => s.seniority ?? '',
    (s) => s.seniority as Seniority | null,
  );
  const resource = proposalResource(p, actor);
  const open = p.status === 'open';
  return {
    ...toProposalSummary(actor, p, ctx),
    whyNow: p.why_now,
    problem: p.problem,
    interested: [...people.values()],
    byTeam: byTeam.map(({ key, count }) => ({ team: key, count })),
    bySeniority: bySeniority.map(({ key, count }) => ({ seniority: key, count })),
    commentCount: ctx.commentCount,
    canLaunch: open && can(actor, 'proposal.launch', resource),
    canWithdraw: open && can(actor, 'proposal.withdraw', resource),
    closedAt: p.closed_at,
  };
}

function countBy<T, K>(items: T[], idOf: (t: T) => string, keyOf: (t: T) => K) {
  const groups = new Map<string, { key: K; count: number }>();
  for (const item of items) {
    const group = groups.get(idOf(item)) ?? { key: keyOf(item), count: 0 };
    group.count++;
    groups.set(idOf(item), group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

import type { InterestKind, ProposalThreshold, Readiness } from '@guildhall/shared';

type Signal = { personId: string; kind: InterestKind; teamId: string | null };

/**
 * Whether a proposal has gathered enough people to launch. The proposer counts as
 * interested and as willing to lead: they become the facilitator. Teams are those of the
 * interested people; someone without a team adds no team.
 */
export function readinessOf(signals: Signal[], proposer: { id: string; teamId: string | null }, threshold: ProposalThreshold): Readiness {
  const teamOf = new Map<string, string | null>([[proposer.id, proposer.teamId]]);
  const leaders = new Set<string>([proposer.id]);
  for (const s of signals) {
    teamOf.set(s.personId, s.teamId);
    if (s.kind === 'lead') leaders.add(s.personId);
  }
  const teams = new Set([...teamOf.values()].filter((t): t is string => t !== null));
  const have = { interested: teamOf.size, leaders: leaders.size, teams: teams.size };
  const missing = (['interested', 'leaders', 'teams'] as const)
    .filter((what) => have[what] < threshold[what])
    .map((what) => ({ what, have: have[what], need: threshold[what] }));
  return { ready: missing.length === 0, ...have, threshold, missing };
}

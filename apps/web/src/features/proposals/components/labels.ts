import type { ProposalStatus, Readiness } from '@guildhall/shared';

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  open: 'Seeking interest',
  launched: 'Launched',
  withdrawn: 'Withdrawn',
};

type Part = 'interested' | 'leaders' | 'teams';

const noun = (part: Part, count: number) =>
  part === 'interested' ? 'interested' : part === 'leaders' ? 'willing to lead' : count === 1 ? 'team' : 'teams';

/** "4 of 5 interested" while short of the threshold, "5 interested" once it is met. */
export function readinessPart(readiness: Readiness, part: Part): string {
  const have = readiness[part];
  const need = readiness.threshold[part];
  return have < need ? `${have} of ${need} ${noun(part, need)}` : `${have} ${noun(part, have)}`;
}

export const READINESS_PARTS: Part[] = ['interested', 'leaders', 'teams'];

/** "4 of 5 interested · 1 of 2 willing to lead · 2 teams". */
export const readinessLine = (readiness: Readiness) => READINESS_PARTS.map((part) => readinessPart(readiness, part)).join(' · ');

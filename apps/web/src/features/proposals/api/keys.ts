import type { ProposalStatus } from '@guildhall/shared';

/** Every proposal query starts with 'proposals', so a signal or a launch can refresh them all at once. */
export const proposalKeys = {
  all: ['proposals'] as const,
  list: (status: ProposalStatus) => ['proposals', 'list', status] as const,
  detail: (id: string) => ['proposals', 'detail', id] as const,
  comments: (id: string) => ['proposals', 'comments', id] as const,
  similar: (topic: string) => ['proposals', 'similar', topic] as const,
  threshold: ['proposals', 'threshold'] as const,
};

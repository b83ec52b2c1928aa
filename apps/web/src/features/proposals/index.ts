// The proposals feature's door: what other features and app/ may use.
export { proposalKeys } from './api/keys';
export { ProposalCard } from './components/proposal-card';
export { ThresholdPanel } from './components/threshold-panel';

// The tokens feature's door: what other features and app/ may use.
export { useTokens } from './api/get-tokens';

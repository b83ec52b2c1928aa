// The events feature's door: what other features and app/ may use. Its pages are lazy routes (app/router.tsx).
export { eventKeys, occurrenceHref } from './api/keys';
export { CadenceLine } from './components/cadence-line';
export { FormatBadge } from './components/format-badge';
export { PersonalNotices } from './components/personal-notices';

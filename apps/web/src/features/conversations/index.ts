// The conversations feature's door: what other features and app/ may use.

export { useThreads } from './api/get-threads';
export { conversationKeys, type ThreadFilters } from './api/keys';
export { ThreadRow } from './components/thread-row';

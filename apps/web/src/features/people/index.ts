// The people feature's door: what other features and app/ may use.
export { getMe, meQueryKey, meQueryOptions, useMe } from './api/get-me';
export { getPerson, personQueryKey, usePerson } from './api/get-person';
export { useUpdateMe } from './api/update-me';
/** "Invite to answer" for a question thread's page: <InviteToAnswer threadId={…} />. */
export { InviteToAnswer } from './components/invite-to-answer';
export { initials, PersonLine, personFacts } from './components/person-line';

// The people feature's door: what other features and app/ may use.
export { getMe, meQueryKey, meQueryOptions, useMe } from './api/get-me';
export { getPerson, personQueryKey, usePerson } from './api/get-person';
export { useUpdateMe } from './api/update-me';

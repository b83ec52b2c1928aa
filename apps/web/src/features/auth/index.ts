// The auth feature's door: what other features and app/ may use.

export { useCreateInvite } from './api/create-invite';
export { useInvites } from './api/get-invites';
export { useSignOut } from './api/sign-out';

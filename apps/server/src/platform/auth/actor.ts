/**
 * Who is making a request. Resolved once per request (authenticate.ts) and handed to
 * services, which pass it to the policy; nothing else decides what an actor may do.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'person';
      personId: string;
      orgRole: 'admin' | 'member';
      /** A personal API token acts for its owner, but may not mint or revoke tokens. */
      via: 'session' | 'token';
    };

export type PersonActor = Extract<Actor, { kind: 'person' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

import { type AppError, forbidden, notFound, unauthenticated } from '../../errors.ts';
import type { Actor, PersonActor } from './actor.ts';

/**
 * Every permission in Guildhall, in one place, so it can be audited at a glance.
 *
 * Rules that shape the whole table:
 * - Reading anything needs a signed-in person: Guildhall is an organisation's internal space.
 * - A private community is invisible to non-members: the policy answers "not found", never
 *   "forbidden", so its existence does not leak. Org admins govern the deployment and see
 *   every community (docs/decisions/0003-admins-and-private-communities.md).
 * - Personal API tokens act as their owner, except that they cannot manage tokens.
 */

export type MembershipFacts = {
  role: 'facilitator' | 'core' | 'member';
  status: 'active' | 'requested' | 'invited';
} | null;

export type CommunityFacts = { visibility: 'open' | 'private'; membership: MembershipFacts };

export type Resource = { type: 'org' } | { type: 'self' } | { type: 'community'; community: CommunityFacts };

export type Action =
  | 'org.read' // people, teams, the community directory
  | 'org.admin' // invites, audit log, settings
  | 'team.create'
  | 'token.manage'
  | 'profile.update'
  | 'community.create'
  | 'community.read'
  | 'community.update'
  | 'community.join'
  | 'community.leave'
  | 'community.members.manage';

type Rule = (actor: PersonActor, resource: Resource) => boolean;

const isAdmin = (a: PersonActor) => a.orgRole === 'admin';
const membershipOf = (r: Resource) => (r.type === 'community' ? r.community.membership : null);
const isActiveMember = (r: Resource) => membershipOf(r)?.status === 'active';
const isFacilitator = (r: Resource) => isActiveMember(r) && membershipOf(r)?.role === 'facilitator';
const isInvited = (r: Resource) => membershipOf(r)?.status === 'invited';
// An invitation reveals a private community to the invitee, so they can decide to accept.
const canSee = (a: PersonActor, r: Resource) =>
  r.type === 'community' && (r.community.visibility === 'open' || isActiveMember(r) || isInvited(r) || isAdmin(a));

const RULES: Record<Action, Rule> = {
  'org.read': () => true,
  'org.admin': (a) => isAdmin(a),
  'team.create': (a) => isAdmin(a),
  'token.manage': (a) => a.via === 'session',
  'profile.update': () => true,
  'community.create': () => true,
  'community.read': (a, r) => canSee(a, r),
  'community.update': (a, r) => canSee(a, r) && (isFacilitator(r) || isAdmin(a)),
  // Joining an open community is free; a private one takes an invitation or an approved request.
  'community.join': (_a, r) => r.type === 'community' && !isActiveMember(r),
  'community.leave': (_a, r) => membershipOf(r) !== null,
  'community.members.manage': (a, r) => canSee(a, r) && (isFacilitator(r) || isAdmin(a)),
};

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.kind !== 'person') return false;
  return RULES[action](actor, resource);
}

/**
 * Throws the error a client should see when `can` says no: 401 for anonymous, 404 for a
 * community the actor may not see (hiding that it exists), 403 otherwise.
 */
export function authorize(actor: Actor, action: Action, resource: Resource): asserts actor is PersonActor {
  if (can(actor, action, resource)) return;
  throw denial(actor, action, resource);
}

export function denial(actor: Actor, action: Action, resource: Resource): AppError {
  if (actor.kind !== 'person') return unauthenticated();
  if (resource.type === 'community' && !canSee(actor, resource)) {
    return notFound('community.not_found', 'No community by that name.');
  }
  if (action === 'token.manage') {
    return forbidden('token.session_required', 'API tokens are managed from a signed-in session, not with a token.');
  }
  return forbidden('policy.forbidden', 'You do not have permission to do that.');
}

/** For routes that only need someone signed in. */
export function requirePerson(actor: Actor): PersonActor {
  authorize(actor, 'org.read', { type: 'org' });
  return actor;
}

import { type AppError, conflict, forbidden, notFound, unauthenticated } from '../../errors.ts';
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
 * - Threads and posts live inside a community and are hidden with it. Reading is seeing the
 *   community; taking part (starting threads, replying, reacting) needs active membership;
 *   moderating is for its facilitators and org admins. Authorship is a fact computed in SQL
 *   (`isAuthor`), so an anonymous author's id never has to reach this file or a response.
 * - Knowledge pages and whiteboards are hidden with their community too. Members write; a page's
 *   owner and the facilitators curate it. A draft shows only to its owner and the facilitators.
 */

export type MembershipFacts = {
  role: 'facilitator' | 'core' | 'member';
  status: 'active' | 'requested' | 'invited';
} | null;

/** `archived`: the community was closed; it stays readable but takes no more writes. */
export type CommunityFacts = { visibility: 'open' | 'private'; membership: MembershipFacts; archived?: boolean };

/** What the policy needs to know about a proposal: whether the actor proposed it. */
export type ProposalFacts = { isProposer: boolean };

/** What the policy needs to know about a thread: whether the actor started it, and its lock. */
export type ThreadFacts = { isAuthor: boolean; locked: boolean };
/** …and about a post: whether the actor wrote it, and whether it is still shown. */
export type PostFacts = { isAuthor: boolean; deleted: boolean; hidden: boolean };
/** What the policy needs to know about one session of an event: whether the actor presents in it. */
export type SessionFacts = { isPresenter: boolean };
/**
 * What the policy needs to know about a knowledge page: whether the actor owns it, and whether
 * it is still a draft (a draft shows only to its owner and the community's facilitators).
 */
export type PageFacts = { isOwner: boolean; draft: boolean };
/** …and about a whiteboard: whether the actor created it. */
export type WhiteboardFacts = { isCreator: boolean };

export type Resource =
  | { type: 'org' }
  | { type: 'self' }
  | { type: 'community'; community: CommunityFacts }
  | { type: 'thread'; community: CommunityFacts; thread: ThreadFacts }
  | { type: 'post'; community: CommunityFacts; thread: ThreadFacts; post: PostFacts }
  | { type: 'session'; community: CommunityFacts; session: SessionFacts }
  | { type: 'page'; community: CommunityFacts; page: PageFacts }
  | { type: 'whiteboard'; community: CommunityFacts; whiteboard: WhiteboardFacts }
  | { type: 'proposal'; proposal: ProposalFacts };

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
  | 'community.members.manage'
  | 'audit.read'
  | 'thread.read' // a thread, its posts, revisions and reactions
  | 'thread.create'
  | 'thread.edit' // title and tags
  | 'thread.accept' // accept an answer to a question
  | 'thread.progress' // move a challenge through open → being-worked → solved
  | 'thread.moderate' // pin, lock, unlock; move out of (thread) or into (community) a community
  | 'post.create'
  | 'post.edit'
  | 'post.delete'
  | 'post.react'
  | 'post.flag'
  | 'post.see_hidden' // read the body of a post a facilitator hid
  | 'post.moderate' // the flag queue; hide, restore, dismiss flags
  | 'proposal.read' // proposals, their interest and discussion: org-wide, like the directory
  | 'proposal.create'
  | 'proposal.signal' // "I'd join / help lead / give the first talk"
  | 'proposal.comment'
  | 'proposal.launch'
  | 'proposal.withdraw'
  | 'community.charter.edit'
  | 'community.stage.change'
  | 'community.health.read' // core-group health: facilitators' working view
  | 'community.onboarding.manage' // curate the "start here" path
  | 'community.onboarding.follow' // mark steps done, ask for a buddy
  | 'thread.invite' // invite people to answer a question
  | 'event.read' // sessions, occurrences, agenda, backlog, reading list, live questions, cadence
  | 'event.manage' // schedule, edit, cancel, move; agenda, notes, attendance; schedule talk ideas
  | 'event.rsvp' // RSVP and check in
  | 'event.ask' // live session questions and their votes
  | 'event.backlog.contribute' // volunteer talk ideas, suggest readings, vote on both
  | 'event.reflect' // one's own reflection on a session attended
  | 'event.reflections.read' // everyone's reflections and their aggregates
  | 'page.read' // a knowledge page, its revisions, diffs, backlinks and export; whiteboards
  | 'page.create' // write a page, capture one from a thread or a session
  | 'page.edit' // save a revision, restore one, confirm "still accurate"
  | 'page.manage' // change a page's owner, delete it
  | 'knowledge.import' // import a zip or Markdown files as pages, all at once
  | 'whiteboard.edit' // create a whiteboard, save a revision, restore one
  | 'whiteboard.delete'
  | 'event.present' // a session's live questions: mark them answered, turn the unanswered into threads
  | 'calendar_feed.manage' // secret calendar feed URLs
  | 'markdown.preview'; // render a draft with the posts' renderer; stores nothing

type Rule = (actor: PersonActor, resource: Resource) => boolean;

const isAdmin = (a: PersonActor) => a.orgRole === 'admin';
const membershipOf = (r: Resource) => ('community' in r ? r.community.membership : null);
const isActiveMember = (r: Resource) => membershipOf(r)?.status === 'active';
const isFacilitator = (r: Resource) => isActiveMember(r) && membershipOf(r)?.role === 'facilitator';
const isInvited = (r: Resource) => membershipOf(r)?.status === 'invited';
// An invitation reveals a private community to the invitee, so they can decide to accept.
const canSee = (a: PersonActor, r: Resource) =>
  'community' in r && (r.community.visibility === 'open' || isActiveMember(r) || isInvited(r) || isAdmin(a));
const isModerator = (a: PersonActor, r: Resource) => canSee(a, r) && (isFacilitator(r) || isAdmin(a));
const startedThread = (r: Resource) => (r.type === 'thread' || r.type === 'post') && r.thread.isAuthor;
const wrotePost = (r: Resource) => r.type === 'post' && r.post.isAuthor;
const isLocked = (r: Resource) => (r.type === 'thread' || r.type === 'post') && r.thread.locked;
const proposed = (r: Resource) => r.type === 'proposal' && r.proposal.isProposer;
const presents = (r: Resource) => r.type === 'session' && r.session.isPresenter;
const isArchived = (r: Resource) => 'community' in r && r.community.archived === true;
const ownsPage = (r: Resource) => r.type === 'page' && r.page.isOwner;
const isDraft = (r: Resource) => r.type === 'page' && r.page.draft;
const createdWhiteboard = (r: Resource) => r.type === 'whiteboard' && r.whiteboard.isCreator;
// A draft is its owner's work in progress, until published: not even org admins read it (a draft
// captured from a session may quote reflections, which only facilitators read).
const canSeePage = (a: PersonActor, r: Resource) => canSee(a, r) && (!isDraft(r) || ownsPage(r) || isFacilitator(r));

/**
 * A closed community is read-only: these writes answer 409 community.archived. Leaving,
 * moderation (hiding a post), an author deleting their own post and moving the stage back
 * (reopening, with a note) stay possible.
 */
const BLOCKED_WHEN_ARCHIVED: ReadonlySet<Action> = new Set<Action>([
  'community.update',
  'community.join',
  'community.charter.edit',
  'community.onboarding.manage',
  'community.onboarding.follow',
  'thread.create',
  'thread.edit',
  'thread.accept',
  'thread.progress',
  'thread.invite',
  'post.create',
  'post.edit',
  'post.react',
  'event.manage',
  'event.rsvp',
  'event.ask',
  'event.backlog.contribute',
  'event.reflect',
  'event.present',
  'page.create',
  'page.edit',
  'page.manage',
  'knowledge.import',
  'whiteboard.edit',
  'whiteboard.delete',
]);

/** Taking part in a community's sessions, refused to non-members with community.members_only. */
const SESSION_PARTICIPATION: ReadonlySet<Action> = new Set<Action>([
  'event.rsvp',
  'event.ask',
  'event.backlog.contribute',
  'event.reflect',
]);

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
  'audit.read': (a) => isAdmin(a),
  'thread.read': (a, r) => canSee(a, r),
  'thread.create': (a, r) => canSee(a, r) && isActiveMember(r),
  'thread.edit': (a, r) => canSee(a, r) && (startedThread(r) || isModerator(a, r)),
  // The asker decides which answer solved their problem; facilitators may when the asker does not.
  'thread.accept': (a, r) => canSee(a, r) && (startedThread(r) || isModerator(a, r)),
  'thread.progress': (a, r) => canSee(a, r) && (startedThread(r) || isModerator(a, r)),
  'thread.moderate': (a, r) => isModerator(a, r),
  // Facilitators may still close a locked thread with a last word.
  'post.create': (a, r) => canSee(a, r) && isActiveMember(r) && (!isLocked(r) || isModerator(a, r)),
  // Only the author edits or deletes, anonymous or not; moderators hide instead (and admins too).
  'post.edit': (a, r) => canSee(a, r) && wrotePost(r),
  'post.delete': (a, r) => canSee(a, r) && wrotePost(r),
  'post.react': (a, r) => canSee(a, r) && isActiveMember(r),
  'post.flag': (a, r) => canSee(a, r),
  'post.see_hidden': (a, r) => canSee(a, r) && (wrotePost(r) || isModerator(a, r)),
  'post.moderate': (a, r) => isModerator(a, r),
  'proposal.read': () => true,
  'proposal.create': () => true,
  'proposal.signal': () => true,
  'proposal.comment': () => true,
  // The proposer launches (becoming its facilitator) or withdraws; org admins may do either.
  'proposal.launch': (a, r) => proposed(r) || isAdmin(a),
  'proposal.withdraw': (a, r) => proposed(r) || isAdmin(a),
  'community.charter.edit': (a, r) => canSee(a, r) && (isFacilitator(r) || isAdmin(a)),
  'community.stage.change': (a, r) => canSee(a, r) && (isFacilitator(r) || isAdmin(a)),
  'community.health.read': (a, r) => canSee(a, r) && (isFacilitator(r) || isAdmin(a)),
  'community.onboarding.manage': (a, r) => canSee(a, r) && (isFacilitator(r) || isAdmin(a)),
  'community.onboarding.follow': (a, r) => canSee(a, r) && isActiveMember(r),
  'thread.invite': (a, r) => canSee(a, r) && isActiveMember(r),
  // Sessions live inside their community and are hidden with it; taking part needs membership.
  'event.read': (a, r) => canSee(a, r),
  'event.manage': (a, r) => isModerator(a, r),
  'event.rsvp': (a, r) => canSee(a, r) && isActiveMember(r),
  'event.ask': (a, r) => canSee(a, r) && isActiveMember(r),
  'event.backlog.contribute': (a, r) => canSee(a, r) && isActiveMember(r),
  'event.reflect': (a, r) => canSee(a, r) && isActiveMember(r),
  // Individual reflections are for their author and the facilitators who asked for them, not
  // for org admins: people write more honestly for the people who run the session.
  'event.reflections.read': (a, r) => canSee(a, r) && isFacilitator(r),
  // Knowledge is the community's: every member writes (a wiki), owners and facilitators curate.
  'page.read': (a, r) => canSeePage(a, r),
  'page.create': (a, r) => canSee(a, r) && isActiveMember(r),
  'page.edit': (a, r) => canSeePage(a, r) && isActiveMember(r),
  'page.manage': (a, r) => canSeePage(a, r) && ((ownsPage(r) && isActiveMember(r)) || isModerator(a, r)),
  // Bringing in a whole docs folder at once is the facilitators' call.
  'knowledge.import': (a, r) => isModerator(a, r),
  'whiteboard.edit': (a, r) => canSee(a, r) && isActiveMember(r),
  'whiteboard.delete': (a, r) => canSee(a, r) && ((createdWhiteboard(r) && isActiveMember(r)) || isModerator(a, r)),
  // The speaker runs their own Q&A; facilitators (and admins, as moderators) may always step in.
  'event.present': (a, r) => isModerator(a, r) || (canSee(a, r) && isActiveMember(r) && presents(r)),
  // Like API tokens: a feed URL is a credential, so a leaked API token may not mint one.
  'calendar_feed.manage': (a) => a.via === 'session',
  // Anyone signed in may see how their draft will look; it reads nothing and writes nothing.
  'markdown.preview': () => true,
};

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.kind !== 'person') return false;
  if (isArchived(resource) && BLOCKED_WHEN_ARCHIVED.has(action)) return false;
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
  // What one may not see answers exactly like what does not exist, whatever the action.
  if ('community' in resource && !canSee(actor, resource)) return hidden(resource);
  if (resource.type === 'page' && !canSeePage(actor, resource)) return hidden(resource);
  if (isArchived(resource) && BLOCKED_WHEN_ARCHIVED.has(action) && RULES[action](actor, resource)) {
    return conflict('community.archived', 'This community is closed: it stays readable, but no longer takes changes.');
  }
  if (SESSION_PARTICIPATION.has(action) && !isActiveMember(resource)) {
    return forbidden('community.members_only', 'Join the community to take part in its sessions.');
  }
  if (action === 'calendar_feed.manage') {
    return forbidden('token.session_required', 'Calendar feeds are managed from a signed-in session, not with a token.');
  }
  if (action === 'token.manage') {
    return forbidden('token.session_required', 'API tokens are managed from a signed-in session, not with a token.');
  }
  if ((action === 'thread.create' || action === 'post.create' || action === 'post.react') && !isActiveMember(resource)) {
    return forbidden('community.members_only', 'Join the community to take part in its conversations.');
  }
  if ((action === 'page.create' || action === 'page.edit' || action === 'whiteboard.edit') && !isActiveMember(resource)) {
    return forbidden('community.members_only', 'Join the community to write down its knowledge.');
  }
  if (action === 'page.manage') {
    return forbidden('page.not_owner', 'Only the page’s owner or the community’s facilitators can do that.');
  }
  if (action === 'whiteboard.delete') {
    return forbidden('whiteboard.not_creator', 'Only whoever started the whiteboard or a facilitator can delete it.');
  }
  if (action === 'post.create' && isLocked(resource)) {
    return conflict('thread.locked', 'This thread is locked; only its facilitators can still reply.');
  }
  if (action === 'post.edit' || action === 'post.delete') {
    return forbidden('post.not_author', 'Only the author of a post can change it.');
  }
  return forbidden('policy.forbidden', 'You do not have permission to do that.');
}

function hidden(resource: Resource): AppError {
  switch (resource.type) {
    case 'thread':
      return notFound('thread.not_found', 'No such thread.');
    case 'post':
      return notFound('post.not_found', 'No such post.');
    case 'page':
      return notFound('page.not_found', 'No such page.');
    case 'whiteboard':
      return notFound('whiteboard.not_found', 'No such whiteboard.');
    default:
      return notFound('community.not_found', 'No community by that name.');
  }
}

/** For routes that only need someone signed in. */
export function requirePerson(actor: Actor): PersonActor {
  authorize(actor, 'org.read', { type: 'org' });
  return actor;
}

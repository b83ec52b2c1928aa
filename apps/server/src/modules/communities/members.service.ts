import type { JoinResult, Member, MemberListQuery, MembershipStatus, Page, Role, UpdateMemberInput } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { now } from '../../platform/ids.ts';
import { type EventBus, MEMBERSHIP_CHANGED } from '../../platform/realtime/bus.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { CommunitiesRepository, CommunityWithMembership } from './communities.repository.ts';
import { type CommunitiesService, communityResource } from './communities.service.ts';
import type { MembershipsRepository } from './memberships.repository.ts';

/** A membership as it is after a committed change; status null means it was removed. */
type MembershipChange = { communityId: string; personId: string; status: MembershipStatus | null; role: Role | null };

const lastFacilitator = () =>
  conflict('membership.last_facilitator', 'A community needs a facilitator: make someone else facilitator first.');

export class MembersService {
  constructor(
    private readonly db: DB,
    private readonly communities: CommunitiesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly people: PeopleRepository,
    private readonly communityService: CommunitiesService,
    private readonly bus: EventBus,
  ) {}

  async list(actor: Actor, slug: string, query: MemberListQuery): Promise<Page<Member>> {
    const { person, community } = await this.communityService.visible(actor, slug);
    // Pending requests and invitations are the facilitators' business.
    if (query.status !== 'active') authorize(person, 'community.members.manage', communityResource(community));
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const rows = await this.memberships.list(community.id, query.status, after, query.limit);
    return pageFrom(
      rows,
      query.limit,
      ({ sortName: _, ...member }) => member,
      (r) => [r.sortName, r.person.id],
    );
  }

  /** Adding oneself is joining; adding someone else is inviting them. */
  async add(actor: Actor, slug: string, personId: string | undefined) {
    const person = requirePerson(actor);
    if (personId && personId !== person.personId) {
      return { kind: 'invited', member: await this.invite(person, slug, personId) } as const;
    }
    return { kind: 'joined', result: await this.join(person, slug) } as const;
  }

  /**
   * Join an open community, accept an invitation, or ask to join a private one. The answer
   * for a private community one cannot see is the same whether it exists or not.
   */
  async join(actor: Actor, slug: string): Promise<JoinResult> {
    const person = requirePerson(actor);
    let change: MembershipChange | undefined;
    const result = await this.db.transaction().execute(async (tx): Promise<JoinResult> => {
      const community = await this.communities.findBySlug(slug, person.personId, tx);
      const requested: JoinResult = { status: 'requested' };
      if (!community) return requested;
      await this.communities.lock(community.id, tx);
      const membership = community.membership;
      if (membership?.status === 'active') throw conflict('membership.exists', 'You are already a member.');
      authorize(person, 'community.join', communityResource(community));
      const base = { communityId: community.id, personId: person.personId, role: membership?.role ?? 'member' } as const;
      if (community.visibility === 'open' || membership?.status === 'invited') {
        await this.upsert(community.id, person.personId, 'active', membership !== null, tx);
        change = { ...base, status: 'active' };
        return { status: 'active' };
      }
      if (!membership) {
        await this.upsert(community.id, person.personId, 'requested', false, tx);
        change = { ...base, status: 'requested' };
      }
      return requested;
    });
    if (change) await this.announce(person, change);
    return result;
  }

  /** A facilitator invites someone; a pending request from them is approved instead. */
  async invite(actor: Actor, slug: string, personId: string): Promise<Member> {
    const { person, community } = await this.communityService.visible(actor, slug);
    authorize(person, 'community.members.manage', communityResource(community));
    if (!(await this.people.exists(personId))) {
      throw badRequest('membership.unknown_person', 'No such person.', [{ field: 'personId', message: 'Unknown person' }]);
    }
    const change = await this.db.transaction().execute(async (tx): Promise<MembershipChange> => {
      await this.communities.lock(community.id, tx);
      const existing = await this.memberships.find(community.id, personId, tx);
      if (existing?.status === 'active') throw conflict('membership.exists', 'They are already a member.');
      if (existing?.status === 'invited') throw conflict('membership.already_invited', 'They have already been invited.');
      const status = existing?.status === 'requested' ? 'active' : 'invited';
      await this.upsert(community.id, personId, status, existing !== undefined, tx);
      await this.audit(tx, person, community, status === 'active' ? 'membership.approve' : 'membership.invite', personId);
      return { communityId: community.id, personId, status, role: existing?.role ?? 'member' };
    });
    await this.announce(person, change);
    return this.memberOf(community, personId);
  }

  async update(actor: Actor, slug: string, personId: string, input: UpdateMemberInput): Promise<Member> {
    const { person, community } = await this.communityService.visible(actor, slug);
    authorize(person, 'community.members.manage', communityResource(community));
    if (input.role === undefined && input.status === undefined) {
      throw badRequest('validation.failed', 'Change the role or the status.', [{ field: 'role', message: 'Nothing to change' }]);
    }
    const change = await this.db.transaction().execute(async (tx): Promise<MembershipChange> => {
      await this.communities.lock(community.id, tx);
      const existing = await this.memberships.find(community.id, personId, tx);
      if (!existing) throw notFound('membership.not_found', 'They are not a member of this community.');
      if (input.status === 'active' && existing.status === 'invited') {
        throw conflict('membership.invitation_pending', 'Only the invited person can accept their invitation.');
      }
      const becomesNonFacilitator = existing.role === 'facilitator' && input.role !== undefined && input.role !== 'facilitator';
      if (
        becomesNonFacilitator &&
        existing.status === 'active' &&
        (await this.memberships.countActiveFacilitators(community.id, tx)) <= 1
      ) {
        throw lastFacilitator();
      }
      await this.memberships.update(
        community.id,
        personId,
        {
          ...(input.role && { role: input.role }),
          ...(input.status && existing.status !== 'active' && { status: input.status, created_at: now() }),
        },
        tx,
      );
      await this.audit(tx, person, community, 'membership.update', personId, {
        from: { role: existing.role, status: existing.status },
        to: input,
      });
      const status = input.status && existing.status !== 'active' ? input.status : existing.status;
      return { communityId: community.id, personId, status, role: input.role ?? existing.role };
    });
    await this.announce(person, change);
    return this.memberOf(community, personId);
  }

  /** Leave (oneself), decline an invitation, or, for facilitators, remove a member or a request. */
  async remove(actor: Actor, slug: string, personId: string): Promise<void> {
    const { person, community } = await this.communityService.visible(actor, slug);
    const self = personId === person.personId;
    authorize(person, self ? 'community.leave' : 'community.members.manage', communityResource(community));
    await this.db.transaction().execute(async (tx) => {
      await this.communities.lock(community.id, tx);
      const existing = await this.memberships.find(community.id, personId, tx);
      if (!existing) throw notFound('membership.not_found', 'They are not a member of this community.');
      if (
        existing.role === 'facilitator' &&
        existing.status === 'active' &&
        (await this.memberships.countActiveFacilitators(community.id, tx)) <= 1
      ) {
        throw lastFacilitator();
      }
      await this.memberships.remove(community.id, personId, tx);
      if (!self) await this.audit(tx, person, community, 'membership.remove', personId, { role: existing.role, status: existing.status });
    });
    await this.announce(person, { communityId: community.id, personId, status: null, role: null });
  }

  /**
   * Tells live streams, once the change has committed. Who joined, left or changed role is
   * news for everyone who can read the community; a pending request or invitation is the
   * business of the person concerned and of whoever acted, like the member list's pending tab.
   */
  private async announce(actor: PersonActor, change: MembershipChange) {
    const pending = change.status === 'requested' || change.status === 'invited';
    await this.bus
      .publish({
        type: MEMBERSHIP_CHANGED,
        communityId: change.communityId,
        audience: pending ? [...new Set([change.personId, actor.personId])] : null,
        data: change,
      })
      // The bus has logged it; a committed change is not failed over a lost live update.
      .catch(() => {});
  }

  private async upsert(communityId: string, personId: string, status: 'active' | 'requested' | 'invited', exists: boolean, tx: Tx) {
    if (exists) await this.memberships.update(communityId, personId, { status, created_at: now() }, tx);
    else await this.memberships.insert({ communityId, personId, role: 'member', status, createdAt: now() }, tx);
  }

  private async memberOf(community: CommunityWithMembership, personId: string): Promise<Member> {
    const membership = await this.memberships.find(community.id, personId);
    const person = (await this.people.summaries([personId])).get(personId);
    if (!membership || !person) throw notFound('membership.not_found', 'They are not a member of this community.');
    return { person, role: membership.role, status: membership.status, joinedAt: membership.created_at };
  }

  private audit(
    tx: Tx,
    actor: PersonActor,
    community: CommunityWithMembership,
    action: string,
    personId: string,
    detail?: Record<string, unknown>,
  ) {
    return recordAudit(tx, { actorId: actor.personId, action, targetType: 'membership', targetId: `${community.id}:${personId}`, detail });
  }
}

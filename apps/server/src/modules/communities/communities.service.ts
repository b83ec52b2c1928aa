import type { Community, CommunityListQuery, CommunitySummary, CreateCommunityInput, Page, UpdateCommunityInput } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, can, requirePerson } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { newId, now } from '../../platform/ids.ts';
import type { CharterRepository } from './charter.repository.ts';
import { type CommunitiesRepository, type CommunityWithMembership, toSummary } from './communities.repository.ts';
import type { LifecycleRepository } from './lifecycle.repository.ts';
import type { MembershipsRepository } from './memberships.repository.ts';

export const communityResource = (c: Pick<CommunityWithMembership, 'visibility' | 'membership' | 'stage'>) =>
  ({
    type: 'community',
    community: { visibility: c.visibility, membership: c.membership, archived: c.stage === 'archived' },
  }) as const;

/** What launching a proposal needs from this room: one community, its core group and its invitations. */
export type CommunityFromProposal = {
  slug: string;
  name: string;
  domain: string;
  category: string;
  cadence: string;
  visibility: 'open' | 'private';
  facilitatorId: string;
  coreIds: string[];
  inviteeIds: string[];
  note: string;
};

export class CommunitiesService {
  constructor(
    private readonly db: DB,
    private readonly communities: CommunitiesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly charters: CharterRepository,
    private readonly lifecycle: LifecycleRepository,
  ) {}

  /** Loads a community the actor may see, or answers "not found" whether it exists or not. */
  async visible(actor: Actor, slug: string): Promise<{ person: PersonActor; community: CommunityWithMembership }> {
    const person = requirePerson(actor);
    const community = await this.communities.findBySlug(slug, person.personId);
    if (!community) throw notFound('community.not_found', 'No community by that name.');
    authorize(person, 'community.read', communityResource(community));
    return { person, community };
  }

  async list(actor: Actor, query: CommunityListQuery): Promise<Page<CommunitySummary>> {
    const person = requirePerson(actor);
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const rows = await this.communities.list(person, {
      q: query.q || undefined,
      category: query.category,
      mine: query.mine === 'true',
      after,
      limit: query.limit,
    });
    return pageFrom(rows, query.limit, toSummary, (r) => [r.name.toLowerCase(), r.id]);
  }

  async get(actor: Actor, slug: string): Promise<Community> {
    const { person, community } = await this.visible(actor, slug);
    return this.present(person, community);
  }

  async create(actor: Actor, input: CreateCommunityInput): Promise<Community> {
    authorize(actor, 'community.create', { type: 'org' });
    const at = now();
    const id = newId();
    await this.db.transaction().execute(async (tx) => {
      if (await this.communities.slugTaken(input.slug, tx)) {
        throw conflict('community.slug_taken', `The address "${input.slug}" is taken; choose another.`);
      }
      await this.communities.insert(
        {
          id,
          slug: input.slug,
          name: input.name,
          domain: input.domain,
          category: input.category,
          cadence: input.cadence,
          visibility: input.visibility,
          stage: 'coalescing',
          created_by: actor.personId,
          created_at: at,
          updated_at: at,
          version: 1,
        },
        tx,
      );
      // Whoever starts a community facilitates it until they hand that on.
      await this.memberships.insert(
        { communityId: id, personId: actor.personId, role: 'facilitator', status: 'active', createdAt: at },
        tx,
      );
      await this.charters.insertInitial(id, input.domain, actor.personId, at, tx);
    });
    return this.get(actor, input.slug);
  }

  /**
   * The launch of a proposal, inside the caller's transaction (the proposal's own status
   * changes in the same one): a coalescing community, whose proposer facilitates, whose
   * volunteers to lead are its core, and where everyone else interested is invited —
   * invited, not enrolled: they accept with one click, or do not.
   */
  async createFromProposal(actor: PersonActor, input: CommunityFromProposal, tx: Tx): Promise<string> {
    authorize(actor, 'community.create', { type: 'org' });
    if (await this.communities.slugTaken(input.slug, tx)) {
      throw conflict('community.slug_taken', `The address "${input.slug}" is taken; choose another.`);
    }
    const at = now();
    const id = newId();
    await this.communities.insert(
      {
        id,
        slug: input.slug,
        name: input.name,
        domain: input.domain,
        category: input.category,
        cadence: input.cadence,
        visibility: input.visibility,
        stage: 'coalescing',
        created_by: input.facilitatorId,
        created_at: at,
        updated_at: at,
        version: 1,
      },
      tx,
    );
    const members = new Map<string, { role: 'facilitator' | 'core' | 'member'; status: 'active' | 'invited' }>();
    for (const personId of input.inviteeIds) members.set(personId, { role: 'member', status: 'invited' });
    for (const personId of input.coreIds) members.set(personId, { role: 'core', status: 'active' });
    members.set(input.facilitatorId, { role: 'facilitator', status: 'active' });
    for (const [personId, m] of members) {
      await this.memberships.insert({ communityId: id, personId, role: m.role, status: m.status, createdAt: at }, tx);
    }
    await this.charters.insertInitial(id, input.domain, actor.personId, at, tx);
    await this.lifecycle.record(
      { communityId: id, from: 'potential', to: 'coalescing', note: input.note, successorId: null, by: actor.personId, at },
      tx,
    );
    return id;
  }

  async update(actor: Actor, slug: string, input: UpdateCommunityInput): Promise<Community> {
    const { person, community } = await this.visible(actor, slug);
    authorize(person, 'community.update', communityResource(community));
    const { version, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    await this.db.transaction().execute(async (tx) => {
      const saved = await this.communities.updateIfVersion(community.id, version, { ...patch, updated_at: now() }, tx);
      if (!saved) {
        throw conflict(
          'community.version_conflict',
          'Someone else changed this community since you opened it. Reload and apply your change again.',
        );
      }
      if (patch.visibility && patch.visibility !== community.visibility) {
        await recordAudit(tx, {
          actorId: person.personId,
          action: 'community.visibility_change',
          targetType: 'community',
          targetId: community.id,
          detail: { from: community.visibility, to: patch.visibility },
        });
      }
    });
    return this.get(actor, slug);
  }

  present(actor: PersonActor, community: CommunityWithMembership): Community {
    return {
      ...toSummary(community),
      version: community.version,
      createdAt: community.created_at,
      updatedAt: community.updated_at,
      canManage: can(actor, 'community.members.manage', communityResource(community)),
    };
  }
}

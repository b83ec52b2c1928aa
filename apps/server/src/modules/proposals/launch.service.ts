import { type LaunchProposalInput, type LaunchResult, PROPOSAL_EVENTS, type Readiness } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { conflict } from '../../errors.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import { type EventBus, MEMBERSHIP_CHANGED } from '../../platform/realtime/bus.ts';
import type { CommunitiesService } from '../communities/index.ts';
import type { PeopleRepository } from '../people/index.ts';
import { proposalResource } from './present.ts';
import type { ProposalsRepository } from './proposals.repository.ts';
import { closedProposal, type ProposalsService } from './proposals.service.ts';
import { readinessOf } from './readiness.ts';

const notReady = (readiness: Readiness) =>
  conflict(
    'proposal.not_ready',
    `Not ready to launch yet: ${readiness.missing.map((m) => `${m.have} of ${m.need} ${m.what === 'interested' ? 'people interested' : m.what === 'leaders' ? 'willing to lead' : 'teams'}`).join(', ')}.`,
  );

/**
 * Launch: a ready proposal becomes a community in the "coalescing" stage, in one transaction
 * with the proposal's own closing, so a failure (a taken address, a race with a withdrawal)
 * leaves neither a half-made community nor a launched proposal without one.
 */
export class LaunchService {
  constructor(
    private readonly db: DB,
    private readonly proposals: ProposalsRepository,
    private readonly service: ProposalsService,
    private readonly communities: CommunitiesService,
    private readonly people: PeopleRepository,
    private readonly bus: EventBus,
  ) {}

  async launch(actor: Actor, id: string, input: LaunchProposalInput): Promise<LaunchResult> {
    const person = requirePerson(actor);
    const row = await this.service.load(person, id);
    authorize(person, 'proposal.launch', proposalResource(row, person));
    if (row.status !== 'open') throw closedProposal();
    const threshold = await this.proposals.threshold();
    const proposer = (await this.people.summaries([row.proposer_id])).get(row.proposer_id);
    const launched = await this.db.transaction().execute(async (tx) => {
      const current = await this.proposals.find(id, tx);
      if (current?.status !== 'open') throw closedProposal();
      const interests = await this.proposals.interests([id], tx);
      const readiness = readinessOf(
        interests.map((i) => ({ personId: i.id, kind: i.kind, teamId: i.team_id })),
        { id: row.proposer_id, teamId: proposer?.team?.id ?? null },
        threshold,
      );
      if (!readiness.ready) throw notReady(readiness);
      const coreIds = [...new Set(interests.filter((i) => i.kind === 'lead' && i.id !== row.proposer_id).map((i) => i.id))];
      const inviteeIds = [...new Set(interests.map((i) => i.id))].filter((p) => p !== row.proposer_id && !coreIds.includes(p));
      const communityId = await this.communities.createFromProposal(
        person,
        {
          slug: input.slug,
          name: input.name ?? row.topic,
          domain: input.domain ?? row.first_focus,
          category: row.category,
          cadence: input.cadence,
          visibility: input.visibility,
          facilitatorId: row.proposer_id,
          coreIds,
          inviteeIds,
          note: `Launched from the proposal "${row.topic}".`,
        },
        tx,
      );
      if (!(await this.proposals.close(id, 'launched', communityId, now(), tx))) throw closedProposal();
      await recordAudit(tx, {
        actorId: person.personId,
        action: 'proposal.launch',
        targetType: 'proposal',
        targetId: id,
        detail: { communityId },
      });
      return { communityId, coreIds, inviteeIds };
    });
    await this.announce(person.personId, launched);
    await this.service.announce(PROPOSAL_EVENTS.launched, id);
    return {
      proposal: await this.service.get(person, id),
      community: await this.communities.get(person, input.slug),
      invited: launched.inviteeIds.length,
    };
  }

  /** Each new membership, as the members room announces its own: invitations only to the invitee (and whoever launched). */
  private async announce(actorId: string, launched: { communityId: string; coreIds: string[]; inviteeIds: string[] }) {
    const changes = [
      ...launched.coreIds.map((personId) => ({ personId, role: 'core', status: 'active', audience: null })),
      ...launched.inviteeIds.map((personId) => ({
        personId,
        role: 'member',
        status: 'invited',
        audience: [...new Set([personId, actorId])],
      })),
    ];
    for (const { audience, ...change } of changes) {
      await this.bus
        .publish({
          type: MEMBERSHIP_CHANGED,
          communityId: launched.communityId,
          audience,
          data: { communityId: launched.communityId, ...change },
        })
        .catch(() => {});
    }
  }
}

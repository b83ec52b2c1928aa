import {
  type CreateProposalInput,
  type Page,
  PROPOSAL_EVENTS,
  type Proposal,
  type ProposalListQuery,
  type ProposalSummary,
  type ProposalThreshold,
  type SimilarResult,
} from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { newId, now } from '../../platform/ids.ts';
import type { EventBus } from '../../platform/realtime/bus.ts';
import type { CommunitiesService } from '../communities/index.ts';
import type { PeopleRepository } from '../people/index.ts';
import { proposalResource, toProposal, toProposalSummary } from './present.ts';
import type { ProposalRow, ProposalsRepository } from './proposals.repository.ts';
import { overlapScore, words } from './similar.ts';

export const closedProposal = () =>
  conflict('proposal.closed', 'This proposal has been launched or withdrawn; it no longer gathers interest.');

/** Proposals: gathering interest for a community that does not exist yet. */
export class ProposalsService {
  constructor(
    private readonly db: DB,
    private readonly proposals: ProposalsRepository,
    private readonly people: PeopleRepository,
    private readonly communities: CommunitiesService,
    private readonly bus: EventBus,
  ) {}

  async create(actor: Actor, input: CreateProposalInput): Promise<Proposal> {
    authorize(actor, 'proposal.create', { type: 'org' });
    const at = now();
    const id = newId();
    await this.db.transaction().execute((tx) =>
      this.proposals.insert(
        {
          id,
          topic: input.topic,
          why_now: input.whyNow,
          problem: input.problem,
          category: input.category,
          first_focus: input.firstFocus,
          proposer_id: actor.personId,
          status: 'open',
          community_id: null,
          created_at: at,
          updated_at: at,
          closed_at: null,
        },
        tx,
      ),
    );
    await this.announce(PROPOSAL_EVENTS.created, id);
    return this.get(actor, id);
  }

  async list(actor: Actor, query: ProposalListQuery): Promise<Page<ProposalSummary>> {
    const person = requirePerson(actor);
    authorize(person, 'proposal.read', { type: 'org' });
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const rows = await this.proposals.list(query.status, after, query.limit);
    const page = pageFrom(
      rows,
      query.limit,
      (r) => r,
      (r) => [r.created_at, r.id],
    );
    return { items: await this.summaries(person, page.items), nextCursor: page.nextCursor };
  }

  /** Summaries of many proposals in a handful of queries (lists and the home page). */
  async summaries(person: PersonActor, rows: ProposalRow[]): Promise<ProposalSummary[]> {
    const [interests, proposers, communities, threshold] = await Promise.all([
      this.proposals.interests(rows.map((r) => r.id)),
      this.people.summaries([...new Set(rows.map((r) => r.proposer_id))]),
      this.proposals.visibleCommunities(
        person,
        rows.flatMap((r) => (r.community_id ? [r.community_id] : [])),
      ),
      this.proposals.threshold(),
    ]);
    return rows.flatMap((r) => {
      const proposer = proposers.get(r.proposer_id);
      if (!proposer) return [];
      const community = (r.community_id && communities.get(r.community_id)) || null;
      return [toProposalSummary(person, r, { proposer, interests: interests.filter((i) => i.proposal_id === r.id), threshold, community })];
    });
  }

  async seekingInterest(actor: Actor, limit: number): Promise<ProposalSummary[]> {
    const person = requirePerson(actor);
    return this.summaries(person, await this.proposals.seekingInterest(person.personId, limit));
  }

  async get(actor: Actor, id: string): Promise<Proposal> {
    const person = requirePerson(actor);
    const row = await this.load(person, id);
    return this.present(person, row);
  }

  /** The proposal a community grew from: its history stays readable from the community. */
  async ofCommunity(actor: Actor, slug: string): Promise<Proposal> {
    const { person, community } = await this.communities.visible(actor, slug);
    const row = await this.proposals.findByCommunity(community.id);
    if (!row) throw notFound('proposal.not_found', 'This community did not start from a proposal.');
    return this.present(person, row);
  }

  async withdraw(actor: Actor, id: string): Promise<Proposal> {
    const person = requirePerson(actor);
    const row = await this.load(person, id);
    authorize(person, 'proposal.withdraw', proposalResource(row, person));
    const closed = await this.db.transaction().execute((tx) => this.proposals.close(id, 'withdrawn', null, now(), tx));
    if (!closed) throw closedProposal();
    await this.announce(PROPOSAL_EVENTS.withdrawn, id);
    return this.get(person, id);
  }

  async threshold(actor: Actor): Promise<ProposalThreshold> {
    authorize(actor, 'proposal.read', { type: 'org' });
    return this.proposals.threshold();
  }

  async setThreshold(actor: Actor, threshold: ProposalThreshold): Promise<ProposalThreshold> {
    authorize(actor, 'org.admin', { type: 'org' });
    await this.db.transaction().execute(async (tx) => {
      await this.proposals.setThreshold(threshold, tx);
      await recordAudit(tx, {
        actorId: actor.personId,
        action: 'proposal.threshold_change',
        targetType: 'org_setting',
        targetId: 'proposal.threshold',
        detail: threshold,
      });
    });
    return this.proposals.threshold();
  }

  /** Communities the viewer may see and open proposals that share words with a topic. */
  async similar(actor: Actor, topic: string): Promise<SimilarResult> {
    const person = requirePerson(actor);
    const wanted = words(topic);
    const { communities, proposals } = await this.proposals.similarCandidates(person);
    const best = <T extends { score: number }>(items: T[]) =>
      items
        .filter((i) => i.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, 5);
    return {
      communities: best(
        communities.map((c) => ({
          slug: c.slug,
          name: c.name,
          domain: c.domain,
          stage: c.stage,
          score: overlapScore(wanted, c.name, `${c.slug} ${c.domain}`),
        })),
      ),
      proposals: best(
        proposals.map((p) => ({
          id: p.id,
          topic: p.topic,
          firstFocus: p.first_focus,
          score: overlapScore(wanted, p.topic, `${p.first_focus} ${p.problem}`),
        })),
      ),
    };
  }

  /** Loads a proposal or answers 404; any signed-in person may read any proposal. */
  async load(person: PersonActor, id: string): Promise<ProposalRow> {
    authorize(person, 'proposal.read', { type: 'org' });
    const row = await this.proposals.find(id);
    if (!row) throw notFound('proposal.not_found', 'No such proposal.');
    return row;
  }

  async present(person: PersonActor, row: ProposalRow): Promise<Proposal> {
    const [interests, proposers, communities, threshold, commentCount] = await Promise.all([
      this.proposals.interests([row.id]),
      this.people.summaries([row.proposer_id]),
      this.proposals.visibleCommunities(person, row.community_id ? [row.community_id] : []),
      this.proposals.threshold(),
      this.proposals.commentCount(row.id),
    ]);
    const proposer = proposers.get(row.proposer_id);
    if (!proposer) throw notFound('proposal.not_found', 'No such proposal.');
    const community = (row.community_id && communities.get(row.community_id)) || null;
    return toProposal(person, row, { proposer, interests, threshold, community, commentCount });
  }

  /** Proposals are org-wide news; the payload is the id to refetch. After commit, never failing the write. */
  async announce(type: string, proposalId: string) {
    await this.bus.publish({ type, communityId: null, data: { proposalId } }).catch(() => {});
  }
}

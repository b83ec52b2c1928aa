import { DEFAULT_PROPOSAL_THRESHOLD, ProposalThreshold } from '@guildhall/shared';
import { sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { visibleTo } from '../communities/index.ts';

export type ProposalRow = Tables['proposal'];
export type InterestRow = Awaited<ReturnType<ProposalsRepository['interests']>>[number];
type Kind = Tables['proposal_interest']['kind'];

const THRESHOLD_KEY = 'proposal.threshold';

export class ProposalsRepository {
  constructor(private readonly db: DB) {}

  async insert(row: ProposalRow, tx: Tx): Promise<void> {
    await tx.insertInto('proposal').values(row).execute();
  }

  async find(id: string, db: DB | Tx = this.db): Promise<ProposalRow | undefined> {
    return db.selectFrom('proposal').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByCommunity(communityId: string): Promise<ProposalRow | undefined> {
    return this.db.selectFrom('proposal').selectAll().where('community_id', '=', communityId).executeTakeFirst();
  }

  /** Newest first, keyset on (created_at, id). */
  async list(status: ProposalRow['status'], after: [string, string] | undefined, limit: number): Promise<ProposalRow[]> {
    let query = this.db.selectFrom('proposal').selectAll().where('status', '=', status);
    if (after) query = query.where(sql<boolean>`(created_at, id) < (${after[0]}, ${after[1]})`);
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Open proposals the person has given no signal on yet (the home page's "seeking interest"). */
  async seekingInterest(personId: string, limit: number): Promise<ProposalRow[]> {
    return this.db
      .selectFrom('proposal')
      .selectAll()
      .where('status', '=', 'open')
      .where('proposer_id', '<>', personId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('proposal_interest as pi')
              .select('pi.kind')
              .whereRef('pi.proposal_id', '=', 'proposal.id')
              .where('pi.person_id', '=', personId),
          ),
        ),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Every signal on these proposals, with who gave it (team and seniority for the breakdown). */
  async interests(proposalIds: string[], db: DB | Tx = this.db) {
    if (proposalIds.length === 0) return [];
    return db
      .selectFrom('proposal_interest')
      .innerJoin('person', 'person.id', 'proposal_interest.person_id')
      .leftJoin('team', 'team.id', 'person.team_id')
      .select([
        'proposal_interest.proposal_id',
        'proposal_interest.kind',
        'proposal_interest.note',
        'proposal_interest.created_at',
        'person.id',
        'person.name',
        'person.title',
        'person.seniority',
        'person.team_id',
        'team.name as team_name',
      ])
      .where('proposal_interest.proposal_id', 'in', proposalIds)
      .orderBy('proposal_interest.created_at')
      .orderBy('person.id')
      .execute();
  }

  async setInterest(proposalId: string, personId: string, kind: Kind, note: string | null, at: string, tx: Tx): Promise<void> {
    await tx
      .insertInto('proposal_interest')
      .values({ proposal_id: proposalId, person_id: personId, kind, note, created_at: at })
      .onConflict((oc) => oc.columns(['proposal_id', 'person_id', 'kind']).doUpdateSet({ note }))
      .execute();
  }

  async removeInterest(proposalId: string, personId: string, kind: Kind, tx: Tx): Promise<void> {
    await tx
      .deleteFrom('proposal_interest')
      .where('proposal_id', '=', proposalId)
      .where('person_id', '=', personId)
      .where('kind', '=', kind)
      .execute();
  }

  /** Closes an open proposal; answers whether it was still open (launch and withdraw race safely). */
  async close(id: string, status: 'launched' | 'withdrawn', communityId: string | null, at: string, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('proposal')
      .set({ status, community_id: communityId, closed_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async insertComment(row: Tables['proposal_comment'], tx: Tx): Promise<void> {
    await tx.insertInto('proposal_comment').values(row).execute();
  }

  /** Oldest first, as a conversation reads; keyset on (created_at, id). */
  async comments(proposalId: string, after: [string, string] | undefined, limit: number) {
    let query = this.db.selectFrom('proposal_comment').selectAll().where('proposal_id', '=', proposalId);
    if (after) query = query.where(sql<boolean>`(created_at, id) > (${after[0]}, ${after[1]})`);
    return query
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  }

  async commentCount(proposalId: string): Promise<number> {
    const row = await this.db
      .selectFrom('proposal_comment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('proposal_id', '=', proposalId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The communities these proposals became, only those the viewer may see. */
  async visibleCommunities(actor: PersonActor, communityIds: string[]): Promise<Map<string, { slug: string; name: string }>> {
    if (communityIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('community')
      .select(['community.id', 'community.slug', 'community.name'])
      .where('community.id', 'in', communityIds)
      .where(visibleTo(actor))
      .execute();
    return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
  }

  /** Candidates for "similar": every community the viewer may see and every open proposal. */
  async similarCandidates(actor: PersonActor) {
    const [communities, proposals] = await Promise.all([
      this.db
        .selectFrom('community')
        .select(['community.slug', 'community.name', 'community.domain', 'community.stage'])
        .where(visibleTo(actor))
        .limit(2000)
        .execute(),
      this.db.selectFrom('proposal').select(['id', 'topic', 'first_focus', 'problem']).where('status', '=', 'open').limit(2000).execute(),
    ]);
    return { communities, proposals };
  }

  async threshold(): Promise<ProposalThreshold> {
    const row = await this.db.selectFrom('org_setting').select('value').where('key', '=', THRESHOLD_KEY).executeTakeFirst();
    if (!row) return DEFAULT_PROPOSAL_THRESHOLD;
    // A value written by an older or hand-edited deployment falls back to the default.
    const parsed = ProposalThreshold.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_PROPOSAL_THRESHOLD;
  }

  async setThreshold(threshold: ProposalThreshold, tx: Tx): Promise<void> {
    const value = JSON.stringify(threshold);
    await tx
      .insertInto('org_setting')
      .values({ key: THRESHOLD_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}

import {
  type Charter,
  type CharterRevision,
  type CharterRevisionQuery,
  COMMUNITY_EVENTS,
  type Page,
  type UpdateCharterInput,
} from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { conflict } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { now } from '../../platform/ids.ts';
import type { EventBus } from '../../platform/realtime/bus.ts';
import type { PeopleRepository } from '../people/index.ts';
import { type CharterFields, type CharterRepository, type CharterRow, charterTemplate, rendered } from './charter.repository.ts';
import type { CommunityWithMembership } from './communities.repository.ts';
import { type CommunitiesService, communityResource } from './communities.service.ts';

const staleCharter = () =>
  conflict('charter.version_conflict', 'Someone else changed the charter since you opened it. Reload and apply your change again.');

/** The charter on a community's front page: purpose, scope in and out, the quarter's goals, norms. */
export class CharterService {
  constructor(
    private readonly db: DB,
    private readonly communities: CommunitiesService,
    private readonly charters: CharterRepository,
    private readonly people: PeopleRepository,
    private readonly bus: EventBus,
  ) {}

  async get(actor: Actor, slug: string): Promise<Charter> {
    const { person, community } = await this.communities.visible(actor, slug);
    const row = await this.charters.find(community.id);
    return this.present(row ?? this.templateFor(community), can(person, 'community.charter.edit', communityResource(community)));
  }

  async update(actor: Actor, slug: string, input: UpdateCharterInput): Promise<Charter> {
    const { person, community } = await this.communities.visible(actor, slug);
    authorize(person, 'community.charter.edit', communityResource(community));
    const { version, ...changes } = input;
    await this.db.transaction().execute(async (tx) => {
      const current = await this.charters.find(community.id, tx);
      if ((current?.version ?? 0) !== version) throw staleCharter();
      const base: CharterFields = current ?? charterTemplate(community.domain);
      const fields: CharterFields = {
        purpose: changes.purpose ?? base.purpose,
        scope_in: changes.scopeIn ?? base.scope_in,
        scope_out: changes.scopeOut ?? base.scope_out,
        quarter: changes.quarter !== undefined ? changes.quarter : base.quarter,
        goals: changes.goals ?? base.goals,
        norms: changes.norms ?? base.norms,
      };
      if (!(await this.charters.saveIfVersion(community.id, version, fields, person.personId, now(), tx))) throw staleCharter();
    });
    await this.bus
      .publish({
        type: COMMUNITY_EVENTS.charterUpdated,
        communityId: community.id,
        data: { communityId: community.id, version: version + 1 },
      })
      .catch(() => {});
    return this.get(person, slug);
  }

  async revisions(actor: Actor, slug: string, query: CharterRevisionQuery): Promise<Page<CharterRevision>> {
    const { community } = await this.communities.visible(actor, slug);
    const after = decodeCursor(query.cursor, 1) as [number] | undefined;
    const rows = await this.charters.revisions(community.id, after?.[0], query.limit);
    const editors = await this.people.summaries([...new Set(rows.flatMap((r) => (r.edited_by ? [r.edited_by] : [])))]);
    return pageFrom(
      rows,
      query.limit,
      (r) => ({
        version: r.version,
        purpose: r.purpose,
        scopeIn: r.scope_in,
        scopeOut: r.scope_out,
        quarter: r.quarter,
        goals: r.goals,
        norms: r.norms,
        editedBy: (r.edited_by && editors.get(r.edited_by)) || null,
        createdAt: r.created_at,
      }),
      (r) => [r.version],
    );
  }

  /** A community created outside the API (seeds, imports) shows the template at version 0. */
  private templateFor(community: CommunityWithMembership): CharterRow {
    return {
      community_id: community.id,
      ...rendered(charterTemplate(community.domain)),
      version: 0,
      updated_by: null,
      updated_at: '',
    };
  }

  private async present(row: CharterRow, canEdit: boolean): Promise<Charter> {
    const editor = row.updated_by ? (await this.people.summaries([row.updated_by])).get(row.updated_by) : undefined;
    return {
      purpose: row.purpose,
      purposeHtml: row.purpose_html,
      scopeIn: row.scope_in,
      scopeInHtml: row.scope_in_html,
      scopeOut: row.scope_out,
      scopeOutHtml: row.scope_out_html,
      quarter: row.quarter,
      goals: row.goals,
      goalsHtml: row.goals_html,
      norms: row.norms,
      normsHtml: row.norms_html,
      version: row.version,
      updatedAt: row.updated_at || null,
      updatedBy: editor ?? null,
      canEdit,
    };
  }
}

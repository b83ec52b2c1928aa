import { type ChangeStageInput, COMMUNITY_EVENTS, type Lifecycle, type Stage } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { AppError, badRequest, conflict } from '../../errors.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { EventBus } from '../../platform/realtime/bus.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { CommunityWithMembership } from './communities.repository.ts';
import { type CommunitiesService, communityResource } from './communities.service.ts';
import type { LifecycleRepository } from './lifecycle.repository.ts';

/** Wenger's stages in order; "archived" is shown as closed. Moving to an earlier one needs a note. */
const ORDER: Record<Stage, number> = { potential: 0, coalescing: 1, maturing: 2, stewardship: 3, archived: 4 };

export class LifecycleService {
  constructor(
    private readonly db: DB,
    private readonly communities: CommunitiesService,
    private readonly lifecycle: LifecycleRepository,
    private readonly people: PeopleRepository,
    private readonly bus: EventBus,
  ) {}

  async get(actor: Actor, slug: string): Promise<Lifecycle> {
    const { person, community } = await this.communities.visible(actor, slug);
    const [rows, successor] = await Promise.all([this.lifecycle.history(community.id), this.visibleSuccessor(person, community)]);
    const by = await this.people.summaries([...new Set(rows.flatMap((r) => (r.changed_by ? [r.changed_by] : [])))]);
    return {
      stage: community.stage as Stage,
      successor,
      history: rows.map((r) => ({
        from: r.from_stage as Stage,
        to: r.to_stage as Stage,
        note: r.note,
        by: (r.changed_by && by.get(r.changed_by)) || null,
        at: r.created_at,
      })),
      canChange: can(person, 'community.stage.change', communityResource(community)),
    };
  }

  /**
   * Facilitators move the stage. Forward moves may skip stages (a community that never took
   * off can close from coalescing); backward ones (reopening included) must say why. Closing
   * archives the community read-only and may name the community that carries on its work.
   */
  async change(actor: Actor, slug: string, input: ChangeStageInput): Promise<Lifecycle> {
    const { person, community } = await this.communities.visible(actor, slug);
    authorize(person, 'community.stage.change', communityResource(community));
    const from = community.stage as Stage;
    if (input.stage === from) {
      throw badRequest('stage.unchanged', `The community is already ${from}.`, [{ field: 'stage', message: 'Same stage' }]);
    }
    const note = input.note || null;
    if (ORDER[input.stage] < ORDER[from] && !note) {
      throw badRequest('stage.note_required', 'Moving a community back to an earlier stage needs a note saying why.', [
        { field: 'note', message: 'Say why the community moves back' },
      ]);
    }
    const successorId = await this.successorId(person, community, input);
    const moved = await this.db.transaction().execute(async (tx) => {
      const ok = await this.lifecycle.move(
        { communityId: community.id, from, to: input.stage, note, successorId, by: person.personId, at: now() },
        tx,
      );
      if (ok) {
        await recordAudit(tx, {
          actorId: person.personId,
          action: 'community.stage_change',
          targetType: 'community',
          targetId: community.id,
          detail: { from, to: input.stage, successorId },
        });
      }
      return ok;
    });
    if (!moved) throw conflict('stage.conflict', 'Someone else moved the stage meanwhile. Reload and try again.');
    await this.bus
      .publish({
        type: COMMUNITY_EVENTS.stageChanged,
        communityId: community.id,
        data: { communityId: community.id, from, to: input.stage },
      })
      .catch(() => {});
    return this.get(person, slug);
  }

  private async successorId(person: PersonActor, community: CommunityWithMembership, input: ChangeStageInput): Promise<string | null> {
    if (!input.successorSlug) return null;
    const invalid = (message: string) => badRequest('stage.invalid_successor', message, [{ field: 'successorSlug', message }]);
    if (input.stage !== 'archived') throw invalid('Only a closing community can point to a successor');
    try {
      const { community: successor } = await this.communities.visible(person, input.successorSlug);
      if (successor.id === community.id) throw invalid('A community cannot succeed itself');
      if (successor.stage === 'archived') throw invalid('The successor is closed too');
      return successor.id;
    } catch (error) {
      if (error instanceof AppError && error.code === 'community.not_found') throw invalid('No community by that name');
      throw error;
    }
  }

  private async visibleSuccessor(person: PersonActor, community: CommunityWithMembership) {
    if (!community.successor_id) return null;
    const successor = await this.lifecycle.successorOf(community.id);
    if (!successor) return null;
    try {
      await this.communities.visible(person, successor.slug);
      return successor;
    } catch {
      // A private successor the viewer may not see is not named.
      return null;
    }
  }
}

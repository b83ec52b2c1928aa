import { CADENCE_LABELS, type CadenceReport } from '@guildhall/shared';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { formatLocal } from '../../platform/time/wall-clock.ts';
import { slotsIn } from './calendar-window.ts';
import { communityResourceOf, type EventAccess } from './event-access.ts';
import type { EventsRepository } from './events.repository.ts';
import { effective } from './present.ts';

const DAY = 86_400_000;
/** How many of the promised periods the report looks back over. */
const PERIODS = 6;
const PERIOD_DAYS = { weekly: 7, 'bi-weekly': 14, monthly: 30 } as const;

/**
 * "Cadence kept": the community's promised rhythm against the sessions it actually held. The
 * last six periods of the cadence (ending now) each count as held when at least one session
 * of the community started in it and was not cancelled. Attendance is not required: many
 * facilitators never mark it, and a session that happened was held. Ad-hoc communities promise
 * no rhythm: the report counts their sessions of the last 90 days, with `expected` null.
 */
export class CadenceService {
  constructor(
    private readonly access: EventAccess,
    private readonly events: EventsRepository,
  ) {}

  async report(actor: Actor, slug: string, nowMs = Date.now()): Promise<CadenceReport> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'event.read', communityResourceOf(community));
    const cadence = community.cadence as CadenceReport['cadence'];
    const periodMs = cadence === 'ad-hoc' ? 90 * DAY : PERIOD_DAYS[cadence] * DAY;
    const periods = cadence === 'ad-hoc' ? 1 : PERIODS;
    const from = new Date(nowMs - periods * periodMs);
    const to = new Date(nowMs);
    const window = { from, to, fromLocal: formatLocal(from.getTime() - DAY), toLocal: formatLocal(to.getTime() + DAY) };
    const series = await this.events.seriesFor(person, { communityId: community.id }, window);
    const rows = await this.events.occurrencesIn(
      series.map((s) => s.id),
      window.fromLocal,
      window.toLocal,
    );
    const held = slotsIn(series, rows, window).filter((s) => !effective(s.event, s.key, s.row).cancelled);
    const label = CADENCE_LABELS[cadence];
    if (cadence === 'ad-hoc') {
      return {
        cadence,
        held: held.length,
        expected: null,
        window: { from: from.toISOString(), to: to.toISOString() },
        label: `${label} — ${held.length} held in the last 90 days`,
      };
    }
    const periodsHeld = new Set(held.map((s) => Math.floor((nowMs - s.startsAt.getTime()) / periodMs))).size;
    return {
      cadence,
      held: periodsHeld,
      expected: periods,
      window: { from: from.toISOString(), to: to.toISOString() },
      label: `${label} — ${periodsHeld} of the last ${periods} held`,
    };
  }
}

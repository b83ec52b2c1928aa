import { CORE_GROUP_GUIDANCE, type CoreHealth, type Seniority } from '@guildhall/shared';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { toSummary } from '../people/index.ts';
import { type CommunitiesService, communityResource } from './communities.service.ts';
import type { CoreHealthRepository } from './core-health.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const SENIOR: ReadonlySet<string> = new Set(['senior', 'staff+']);

/**
 * The brief's guidance for the core group, checked: "a small, dedicated core group (5-10
 * people)", across teams, and "don't look solely for senior engineers; junior members often
 * bring fresh perspectives". Suggestions are written for the facilitator to act on.
 */
export class CoreHealthService {
  constructor(
    private readonly communities: CommunitiesService,
    private readonly activity: CoreHealthRepository,
  ) {}

  async get(actor: Actor, slug: string): Promise<CoreHealth> {
    const { person, community } = await this.communities.visible(actor, slug);
    authorize(person, 'community.health.read', communityResource(community));
    const core = await this.activity.coreGroup(community.id);
    const since30 = daysAgo(30);
    const [lastActive, candidateRows] = await Promise.all([
      this.activity.lastActive(
        community.id,
        core.map((c) => c.id),
        since30,
      ),
      this.activity.candidates(community.id, daysAgo(90), 5),
    ]);
    const size = core.length;
    const teams = tally(
      core,
      (c) => c.team_id ?? '',
      (c) => (c.team_id && c.team_name ? { id: c.team_id, name: c.team_name } : null),
    );
    const seniority = tally(
      core,
      (c) => c.seniority ?? '',
      (c) => (c.seniority as Seniority | null) ?? null,
    );
    const active = core.filter((c) => lastActive.has(c.id)).length;
    const candidates = candidateRows.map((r) => ({
      person: toSummary(r),
      posts: r.posts,
      answers: r.answers,
      acceptedAnswers: r.accepted,
    }));

    const suggestions: CoreHealth['suggestions'] = [];
    const { min, max } = CORE_GROUP_GUIDANCE;
    if (size < min) {
      suggestions.push({
        code: 'core.too_small',
        message: `The core group has ${size} ${size === 1 ? 'person' : 'people'}; ${min}–${max} is a good size. Invite ${min - size} more from the active members below.`,
      });
    } else if (size > max) {
      suggestions.push({
        code: 'core.too_large',
        message: `The core group has ${size} people; above ${max} it stops being small and dedicated. Ask who would rather be a regular member.`,
      });
    }
    const namedTeams = teams.filter((t) => t.key !== null).length;
    if (size >= 2 && namedTeams <= 1) {
      suggestions.push({
        code: 'core.one_team',
        message: 'The core group comes from a single team: invite someone from another team, so the community crosses silos.',
      });
    }
    const known = core.filter((c) => c.seniority);
    if (known.length > 0 && known.length === size && known.every((c) => SENIOR.has(c.seniority ?? ''))) {
      const junior = candidates.find((c) => c.person.seniority === 'junior' && (c.answers > 0 || c.acceptedAnswers > 0));
      suggestions.push({
        code: 'core.all_senior',
        message: junior
          ? `All core members are senior: invite a junior member who has been answering questions, such as ${junior.person.name}.`
          : 'All core members are senior: invite a junior member who has been answering questions.',
      });
    }
    if (size > 0 && active < Math.ceil(size / 2)) {
      suggestions.push({
        code: 'core.inactive',
        message: `Only ${active} of ${size} core members took part in the last 30 days: check in with the others.`,
      });
    }

    return {
      size,
      guidance: { min, max },
      sizeStatus: size < min ? 'too-small' : size > max ? 'too-large' : 'ok',
      teams: teams.map(({ key: team, count }) => ({ team, count })),
      seniority: seniority.map(({ key: s, count }) => ({ seniority: s, count })),
      activeLast30Days: active,
      core: core.map((c) => ({
        person: toSummary(c),
        role: c.role as 'facilitator' | 'core',
        lastActiveAt: lastActive.get(c.id) ?? null,
      })),
      suggestions,
      candidates,
    };
  }
}

/** Counts rows per key, largest group first. */
function tally<Row, K>(rows: Row[], idOf: (r: Row) => string, keyOf: (r: Row) => K): { key: K; count: number }[] {
  const groups = new Map<string, { key: K; count: number }>();
  for (const row of rows) {
    const id = idOf(row);
    const group = groups.get(id) ?? { key: keyOf(row), count: 0 };
    group.count++;
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

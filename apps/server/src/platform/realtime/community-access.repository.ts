import type { DB } from '../../db/database.ts';
import type { CommunityFacts } from '../auth/policy.ts';

type Waiting = { personId: string; resolve: (facts: CommunityFacts | null) => void; reject: (error: unknown) => void };

/** Memberships asked in one statement, at most (both dialects bind far more parameters). */
const BATCH = 500;

/**
 * What the policy needs to decide whether a person may read a community's events.
 *
 * Every open stream checks each event it may deliver, and an event reaches every stream at
 * once: with a thousand listeners, the first event of a community after their caches expire
 * asked a thousand queries of a ten-connection pool, and the POSTs behind them waited (the
 * fan-out benchmark, bench/results.md). Questions asked in the same turn of the event loop are
 * therefore answered together, one statement per community.
 */
export class CommunityAccessRepository {
  private pending = new Map<string, Waiting[]>();

  constructor(private readonly db: DB) {}

  /** Visibility and the person's membership; null when the community does not exist (any more). */
  facts(communityId: string, personId: string): Promise<CommunityFacts | null> {
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) setImmediate(() => this.flush());
      const waiting = this.pending.get(communityId) ?? [];
      waiting.push({ personId, resolve, reject });
      this.pending.set(communityId, waiting);
    });
  }

  private flush(): void {
    const batches = this.pending;
    this.pending = new Map();
    for (const [communityId, waiting] of batches) {
      const byPerson = new Map<string, Waiting[]>();
      for (const w of waiting) {
        const same = byPerson.get(w.personId);
        if (same) same.push(w);
        else byPerson.set(w.personId, [w]);
      }
      const personIds = [...byPerson.keys()];
      for (let i = 0; i < personIds.length; i += BATCH) {
        const part = personIds.slice(i, i + BATCH).flatMap((id) => byPerson.get(id) ?? []);
        this.answer(communityId, part).catch((error) => {
          for (const w of part) w.reject(error);
        });
      }
    }
  }

  private async answer(communityId: string, waiting: Waiting[]): Promise<void> {
    const personIds = [...new Set(waiting.map((w) => w.personId))];
    const rows = await this.db
      .selectFrom('community')
      .leftJoin('membership', (join) =>
        join.onRef('membership.community_id', '=', 'community.id').on('membership.person_id', 'in', personIds),
      )
      .select(['community.visibility', 'membership.person_id', 'membership.role', 'membership.status'])
      .where('community.id', '=', communityId)
      .execute();
    const visibility = rows[0]?.visibility;
    const byPerson = new Map(rows.filter((r) => r.person_id).map((r) => [r.person_id, r]));
    for (const w of waiting) {
      if (visibility === undefined) {
        w.resolve(null);
        continue;
      }
      const m = byPerson.get(w.personId);
      w.resolve({ visibility, membership: m?.role && m.status ? { role: m.role, status: m.status } : null });
    }
  }
}

import { CADENCES, CATEGORIES, SENIORITIES } from '@guildhall/shared';
import { type IdMaker, Rng } from './random.ts';
import { BENCH_ADMIN, BENCH_MEMBER, DAY_MS, HISTORY_START, iso, type Scale } from './scale.ts';
import type { Flavour } from './text.ts';
import { shortText } from './text.ts';
import { COMMUNITY_VARIANTS, FIRST_NAMES, LAST_NAMES, SENIORITY_TITLES, TEAMS, TOPICS } from './vocabulary.ts';
import type { BulkWriter } from './writer.ts';

export type Person = { id: string; name: string };

export type Community = {
  id: string;
  slug: string;
  name: string;
  visibility: 'open' | 'private';
  stage: string;
  createdMs: number;
  flavour: Flavour;
  /** Indices into `people` of active members, the busiest first. */
  members: number[];
  /** Facilitators and core members: who organises events and owns pages. */
  stewards: number[];
};

export type Org = { people: Person[]; communities: Community[] };

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Teams, people (person 0 is the bench admin, person 1 the bench member), skills, communities
 * and memberships. Community sizes follow a power law (a few with a thousand members, a long
 * tail of a few dozen); private communities come from the smaller end, as they do in practice.
 */
export function seedOrg(w: BulkWriter, ids: IdMaker, seed: number, scale: Scale, passwordHash: string): Org {
  const rng = new Rng(seed, 1);
  const team = w.table('team', ['id', 'name', 'created_at']);
  const person = w.table('person', [
    'id',
    'email',
    'password_hash',
    'name',
    'team_id',
    'title',
    'seniority',
    'bio',
    'org_role',
    'created_at',
  ]);
  const skill = w.table('person_skill', ['person_id', 'skill', 'level']);
  const community = w.table('community', [
    'id',
    'slug',
    'name',
    'domain',
    'category',
    'cadence',
    'visibility',
    'stage',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ]);
  const membership = w.table('membership', ['community_id', 'person_id', 'role', 'status', 'created_at']);

  const orgStart = HISTORY_START - 400 * DAY_MS;
  const teamIds = TEAMS.slice(0, scale.teams).map((name, i) => {
    const id = ids.next(orgStart + i * DAY_MS);
    team([id, name, iso(orgStart + i * DAY_MS)]);
    return id;
  });

  // Every (first, last) pair at most once, so names and emails are unique without suffixes.
  const pairs = rng.sample(
    FIRST_NAMES.flatMap((_, f) => LAST_NAMES.map((_, l) => f * LAST_NAMES.length + l)),
    scale.people,
  );
  const people: Person[] = [];
  for (let i = 0; i < scale.people; i++) {
    const createdMs = orgStart + rng.int(0, 380) * DAY_MS + rng.int(0, 86_399) * 1000;
    const id = ids.next(createdMs);
    const pair = pairs[i] ?? i;
    const first = FIRST_NAMES[Math.floor(pair / LAST_NAMES.length)] as string;
    const last = LAST_NAMES[pair % LAST_NAMES.length] as string;
    const bench = i === 0 ? BENCH_ADMIN : i === 1 ? BENCH_MEMBER : null;
    const name = bench?.name ?? `${first} ${last}`;
    const mailbox = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    const email = bench?.email ?? `${mailbox}.${i}@example.com`;
    const seniority = SENIORITIES[rng.skewed(SENIORITIES.length, 1.3)] as string;
    const topic = rng.pick(TOPICS);
    const bio = rng.chance(0.4) ? shortText(rng, topic, rng.int(1, 2)).markdown : null;
    person([
      id,
      email,
      passwordHash,
      name,
      rng.pick(teamIds),
      rng.pick(SENIORITY_TITLES[seniority] ?? []),
      seniority,
      bio,
      i === 0 || rng.chance(0.002) ? 'admin' : 'member',
      iso(createdMs),
    ]);
    for (const s of rng.sample(topic.terms, rng.int(0, 4))) skill([id, s, rng.int(1, 3)]);
    people.push({ id, name });
  }

  // Names: every topic once, then with variants, in a seeded order.
  const names: { name: string; topic: (typeof TOPICS)[number] }[] = [];
  for (const variant of COMMUNITY_VARIANTS) for (const topic of TOPICS) names.push({ name: topic.name + variant, topic });
  const chosen = [...names.slice(0, TOPICS.length), ...rng.shuffle(names.slice(TOPICS.length))].slice(0, scale.communities);

  // Power-law sizes: rank r has about C / (r + 1)^0.9 members; four communities a person on average.
  const weights = chosen.map((_, r) => 1 / (r + 1) ** 0.9);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const targetMemberships = scale.people * 4;
  const communities: Community[] = [];
  const privateFrom = Math.max(1, chosen.length - scale.privateCommunities * 3);
  const privateRanks = new Set(
    rng.sample(
      chosen.slice(privateFrom).map((_, i) => privateFrom + i),
      scale.privateCommunities,
    ),
  );

  chosen.forEach(({ name, topic }, rank) => {
    const size = Math.max(
      3,
      Math.min(Math.round(scale.people * 0.3), Math.round((targetMemberships * (weights[rank] ?? 0)) / totalWeight)),
    );
    // Bigger communities tend to be older.
    const createdMs = HISTORY_START + Math.floor((rank / chosen.length) * 0.6 * 730 * DAY_MS + rng.next() * 0.4 * 730 * DAY_MS);
    const id = ids.next(createdMs);
    const visibility = privateRanks.has(rank) ? 'private' : 'open';
    const stage =
      rank % 37 === 36 ? 'archived' : createdMs > HISTORY_START + 600 * DAY_MS ? 'coalescing' : rng.pick(['maturing', 'stewardship']);

    const picked = new Set<number>();
    // The bench member reads and writes in many open communities, the busiest among them.
    if (visibility === 'open' && (rank < 40 || rng.chance(0.1))) picked.add(1);
    if (rank < 10) picked.add(0);
    let attempts = 0;
    while (picked.size < Math.min(size, scale.people) && attempts++ < size * 20) picked.add(2 + rng.skewed(scale.people - 2, 1.6));
    const memberList = rng.shuffle([...picked]);
    const facilitators = rng.int(1, 3);
    const cores = rng.int(2, 6);
    const members: number[] = [];
    const stewards: number[] = [];
    memberList.forEach((p, i) => {
      const role = i < facilitators ? 'facilitator' : i < facilitators + cores ? 'core' : 'member';
      const status = p > 1 && visibility === 'private' && rng.chance(0.04) ? rng.pick(['requested', 'invited']) : 'active';
      const joined = createdMs + (i < facilitators ? 0 : Math.floor(rng.next() * 120 * DAY_MS));
      membership([id, people[p]?.id ?? '', role, status, iso(joined)]);
      if (status === 'active') members.push(p);
      if (role !== 'member') stewards.push(p);
    });
    const facilitator = people[memberList[0] ?? 0]?.id ?? '';
    community([
      id,
      slugify(name),
      name,
      topic.domain,
      rng.pick(CATEGORIES),
      rng.pick(CADENCES),
      visibility,
      stage,
      facilitator,
      iso(createdMs),
      iso(createdMs),
      1,
    ]);
    communities.push({ id, slug: slugify(name), name, visibility, stage, createdMs, flavour: topic, members, stewards });
  });
  return { people, communities };
}

import { REACTIONS } from '@guildhall/shared';
import type { Community, Org } from './org.ts';
import { type IdMaker, Rng, uuid7 } from './random.ts';
import { DAY_MS, HISTORY_START, HOUR_MS, iso, NOW, type Scale } from './scale.ts';
import { postBody } from './text.ts';
import { threadTitle } from './titles.ts';
import { TAGS } from './vocabulary.ts';
import type { BulkWriter } from './writer.ts';

/** Post ids are uuid7(seed, time, POST_ID_BASE + index): computable from the index alone, for quotes and accepted answers. */
const POST_ID_BASE = 2 ** 34;
const KINDS = ['discussion', 'question', 'challenge'] as const;
const ANONYMOUS = 1;
const DELETED = 2;
const HIDDEN = 4;
const EDITED = 8;

export type ConversationCounts = { threads: number; posts: number; reactions: number; revisions: number; reads: number };

type Plan = {
  community: Uint16Array;
  kind: Uint8Array;
  /** Index of the thread's first post; thread t owns posts start[t] … start[t + 1] - 1. */
  start: Uint32Array;
  postThread: Uint32Array;
  postTime: Float64Array;
  postAuthor: Uint16Array;
  postFlags: Uint8Array;
  postQuote: Int32Array;
  accepted: Int32Array;
};

/**
 * Thread lengths: the longest one first, then a heavy tail (Pareto, α = 1.8: median about 8,
 * mean 20, a few in the thousands), summing exactly to the number of posts.
 */
function threadLengths(rng: Rng, scale: Scale): Uint32Array {
  const lengths = new Uint32Array(scale.threads).fill(1);
  lengths[0] = scale.longestThread;
  const cap = Math.max(1, Math.floor(scale.longestThread * 0.6));
  const extraTotal = scale.posts - scale.longestThread - (scale.threads - 1);
  const raw = new Float64Array(scale.threads);
  let sum = 0;
  for (let t = 1; t < scale.threads; t++) {
    raw[t] = (1 - rng.next()) ** (-1 / 1.8) - 1;
    sum += raw[t] as number;
  }
  let given = 0;
  for (let t = 1; t < scale.threads; t++) {
    const extra = Math.min(cap - 1, Math.floor(((raw[t] as number) / sum) * extraTotal));
    lengths[t] = 1 + extra;
    given += extra;
  }
  while (given < extraTotal) {
    const t = 1 + rng.int(0, scale.threads - 2);
    if ((lengths[t] as number) < cap) {
      lengths[t] = (lengths[t] as number) + 1;
      given++;
    }
  }
  return lengths;
}

/** Communities weighted by how many active members they have (big ones talk more). */
function communityPicker(rng: Rng, communities: Community[]): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const c of communities) {
    total += c.members.length ** 1.1;
    cumulative.push(total);
  }
  return () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function plan(rng: Rng, scale: Scale, org: Org): Plan {
  const lengths = threadLengths(rng, scale);
  const p: Plan = {
    community: new Uint16Array(scale.threads),
    kind: new Uint8Array(scale.threads),
    start: new Uint32Array(scale.threads + 1),
    postThread: new Uint32Array(scale.posts),
    postTime: new Float64Array(scale.posts),
    postAuthor: new Uint16Array(scale.posts),
    postFlags: new Uint8Array(scale.posts),
    postQuote: new Int32Array(scale.posts).fill(-1),
    accepted: new Int32Array(scale.threads).fill(-1),
  };
  const pickCommunity = communityPicker(rng, org.communities);
  let next = 0;
  for (let t = 0; t < scale.threads; t++) {
    const n = lengths[t] as number;
    const ci = t === 0 ? 0 : pickCommunity();
    const c = org.communities[ci] as Community;
    p.community[t] = ci;
    const r = rng.next();
    const kind = t === 0 || r < 0.5 ? 0 : r < 0.9 ? 1 : 2;
    p.kind[t] = kind;
    p.start[t] = next;

    // Activity grows over the years: more threads recently than at the start.
    const earliest = Math.max(c.createdMs + HOUR_MS, HISTORY_START);
    const latest = NOW - 2 * HOUR_MS;
    const created = t === 0 ? Math.max(earliest, NOW - 700 * DAY_MS) : earliest + (latest - earliest) * rng.next() ** 0.6;
    const gaps = new Float64Array(n);
    const median = t === 0 ? (650 * DAY_MS) / n : rng.logNormal(2 * HOUR_MS, 1.2);
    let span = 0;
    for (let i = 1; i < n; i++) {
      gaps[i] = rng.exponential(median);
      span += gaps[i] as number;
    }
    const room = NOW - 60_000 - created - n * 1000;
    const squeeze = span > room ? room / span : 1;

    const members = c.members.length ? c.members : [0];
    const asker = members[rng.skewed(members.length, 1.5)] as number;
    const anonymousThread = t !== 0 && rng.chance(0.03);
    let time = Math.floor(created);
    for (let i = 0; i < n; i++) {
      const idx = next + i;
      if (i > 0) time += 1000 + Math.floor((gaps[i] as number) * squeeze);
      p.postThread[idx] = t;
      p.postTime[idx] = time;
      const author = i === 0 || rng.chance(0.12) ? asker : (members[rng.skewed(members.length, 1.5)] as number);
      p.postAuthor[idx] = author;
      let flags = 0;
      if ((author === asker && anonymousThread) || (i > 0 && rng.chance(0.015))) flags |= ANONYMOUS;
      if (i > 0 && rng.chance(0.002)) flags |= DELETED;
      else if (i > 0 && rng.chance(0.001)) flags |= HIDDEN;
      else if (rng.chance(0.03)) flags |= EDITED;
      p.postFlags[idx] = flags;
      if (i >= 2 && rng.chance(0.06)) p.postQuote[idx] = next + rng.int(1, i - 1);
    }
    // Accepted answers (questions) and solutions (challenges): an early reply by someone else.
    if (kind !== 0 && n >= 2 && rng.chance(kind === 1 ? 0.55 : 0.3)) {
      for (let i = 1; i < Math.min(n, 8); i++) {
        const idx = next + i;
        if ((anonymousThread || p.postAuthor[idx] !== asker) && !((p.postFlags[idx] as number) & (DELETED | HIDDEN))) {
          p.accepted[t] = idx;
          break;
        }
      }
    }
    next += n;
  }
  p.start[scale.threads] = next;
  return p;
}

export async function seedConversations(
  w: BulkWriter,
  ids: IdMaker,
  seed: number,
  scale: Scale,
  org: Org,
  progress: (message: string) => void,
): Promise<ConversationCounts> {
  const rng = new Rng(seed, 2);
  const p = plan(rng, scale, org);
  const postId = (idx: number) => uuid7(seed, p.postTime[idx] as number, POST_ID_BASE + idx);
  const personId = (i: number) => org.people[i]?.id ?? '';
  const counts: ConversationCounts = { threads: 0, posts: 0, reactions: 0, revisions: 0, reads: 0 };

  const thread = w.table('thread', [
    'id',
    'community_id',
    'kind',
    'title',
    'tags',
    'state',
    'author_id',
    'anonymous',
    'pinned',
    'locked',
    'first_post_id',
    'accepted_post_id',
    'post_count',
    'last_activity_at',
    'first_answer_at',
    'accepted_at',
    'created_at',
    'updated_at',
  ]);
  const threadTag = w.table('thread_tag', ['thread_id', 'tag']);
  const post = w.table('post', [
    'id',
    'thread_id',
    'seq',
    'author_id',
    'anonymous',
    'body',
    'body_html',
    'quoted_post_id',
    'version',
    'created_at',
    'edited_at',
    'deleted_at',
    'hidden_at',
  ]);
  const revision = w.table('post_revision', ['post_id', 'version', 'body', 'body_html', 'created_at']);
  const reaction = w.table('post_reaction', ['post_id', 'person_id', 'reaction', 'created_at']);
  const read = w.table('thread_read', ['person_id', 'thread_id', 'last_read_seq', 'last_read_post_id', 'updated_at']);

  // Threads first, with their final counts and answers (as after their last post), so every post
  // finds its thread; each thread's search document is completed by its opening post's trigger.
  const threadIds: string[] = [];
  for (let t = 0; t < scale.threads; t++) {
    const c = org.communities[p.community[t] as number] as Community;
    const first = p.start[t] as number;
    const last = (p.start[t + 1] as number) - 1;
    const kind = KINDS[p.kind[t] as number] ?? 'discussion';
    const trng = new Rng(seed, 0x20000000 + t);
    const title = t === 0 ? `${c.name} office hours: the running thread` : threadTitle(trng, c.flavour, kind);
    const tags = [...new Set(trng.sample([...TAGS.slice(0, 8), ...c.flavour.terms], trng.int(0, 3)))];
    const asker = p.postAuthor[first] as number;
    const anonymous = (p.postFlags[first] as number) & ANONYMOUS;
    const acceptedIdx = p.accepted[t] as number;
    const acceptedAt = acceptedIdx >= 0 ? Math.min(NOW - 1000, (p.postTime[acceptedIdx] as number) + trng.exponential(DAY_MS)) : null;
    let firstAnswer: number | null = null;
    if (kind === 'question') {
      for (let i = first + 1; i <= last && firstAnswer === null; i++)
        if (anonymous || p.postAuthor[i] !== asker) firstAnswer = p.postTime[i] as number;
    }
    const state =
      kind === 'question'
        ? acceptedIdx >= 0
          ? 'answered'
          : 'unanswered'
        : kind === 'challenge'
          ? acceptedIdx >= 0
            ? 'solved'
            : trng.pick(['open', 'being-worked'])
          : null;
    const id = ids.next(p.postTime[first] as number);
    threadIds.push(id);
    const lastActivity = iso(p.postTime[last] as number);
    thread([
      id,
      c.id,
      kind,
      title,
      JSON.stringify(tags),
      state,
      personId(asker),
      anonymous,
      t !== 0 && trng.chance(0.005) ? 1 : 0,
      t !== 0 && trng.chance(0.003) ? 1 : 0,
      postId(first),
      acceptedIdx >= 0 ? postId(acceptedIdx) : null,
      last - first + 1,
      lastActivity,
      firstAnswer === null ? null : iso(firstAnswer),
      acceptedAt === null ? null : iso(acceptedAt),
      iso(p.postTime[first] as number),
      acceptedAt !== null && acceptedAt > (p.postTime[last] as number) ? iso(acceptedAt) : lastActivity,
    ]);
    for (const tag of tags) threadTag([id, tag]);
    counts.threads++;
    if (t % 2000 === 1999) await w.flush();
  }

  // Posts in the order they were written, as the server would have written them: ids, search
  // document ids and B-tree inserts all follow time, and "newest matches first" means what it says.
  const order = new Uint32Array(scale.posts);
  for (let i = 0; i < scale.posts; i++) order[i] = i;
  order.sort((a, b) => (p.postTime[a] as number) - (p.postTime[b] as number) || a - b);
  const started = performance.now();
  for (let k = 0; k < scale.posts; k++) {
    const idx = order[k] as number;
    const t = p.postThread[idx] as number;
    const c = org.communities[p.community[t] as number] as Community;
    const prng = new Rng(seed, 0x40000000 + idx);
    const body = postBody(prng, c.flavour);
    const time = p.postTime[idx] as number;
    const flags = p.postFlags[idx] as number;
    const id = postId(idx);
    const quote = p.postQuote[idx] as number;
    const edited = flags & EDITED ? Math.min(NOW - 1000, time + prng.exponential(2 * HOUR_MS)) : null;
    post([
      id,
      threadIds[t] ?? '',
      idx - (p.start[t] as number) + 1,
      personId(p.postAuthor[idx] as number),
      flags & ANONYMOUS ? 1 : 0,
      body.markdown,
      body.html,
      quote >= 0 ? postId(quote) : null,
      edited === null ? 1 : 2,
      iso(time),
      edited === null ? null : iso(edited),
      flags & DELETED ? iso(Math.min(NOW - 1000, time + HOUR_MS)) : null,
      flags & HIDDEN ? iso(Math.min(NOW - 1000, time + 3 * HOUR_MS)) : null,
    ]);
    if (edited !== null) {
      const before = postBody(prng, c.flavour);
      revision([id, 1, before.markdown, before.html, iso(time)]);
      counts.revisions++;
    }
    // Most posts get no reaction; a few get many. 👍 is by far the most common.
    if (!(flags & DELETED) && prng.chance(0.3)) {
      const reactors = prng.sample(c.members, Math.min(12, 1 + Math.floor(prng.exponential(1.5))));
      for (const person of reactors) {
        const kind = REACTIONS[Math.min(REACTIONS.length - 1, Math.floor(prng.exponential(0.9)))] as string;
        reaction([id, personId(person), kind, iso(Math.min(NOW - 1000, time + prng.exponential(6 * HOUR_MS)))]);
        counts.reactions++;
      }
    }
    counts.posts++;
    if (k % 2000 === 1999) await w.flush();
    if (k % 100_000 === 99_999) {
      const rate = Math.round((k + 1) / ((performance.now() - started) / 1000));
      progress(`posts: ${k + 1} of ${scale.posts} (${rate}/s)`);
    }
  }

  // Where people stopped reading: a couple of readers per thread, somewhere along it.
  for (let t = 0; t < scale.threads; t++) {
    const c = org.communities[p.community[t] as number] as Community;
    const first = p.start[t] as number;
    const n = (p.start[t + 1] as number) - first;
    for (const person of rng.sample(c.members, rng.int(0, 4))) {
      const seq = rng.int(1, n);
      const at = Math.min(NOW - 1000, (p.postTime[first + seq - 1] as number) + rng.exponential(HOUR_MS));
      read([personId(person), threadIds[t] ?? '', seq, postId(first + seq - 1), iso(at)]);
      counts.reads++;
    }
    if (t % 5000 === 4999) await w.flush();
  }
  return counts;
}
